/** Finnish. */
import type { Messages } from '#shared/mail/messages/catalog.ts';

/** "Gatehouse-palvelun"; a name with a space takes a spaced hyphen ("Acme App -palvelun"). */
const service = (product: string, ending: string) => `${product}${/\s/.test(product) ? ' -' : '-'}${ending}`;

export const locale: Messages['locale'] = 'fi-FI';
export const colon: Messages['colon'] = ':';
export const buttonFallback: Messages['buttonFallback'] = 'Jos painike ei toimi, kopioi tämä osoite selaimeesi:';
export const invitation: Messages['invitation'] = {
  subject: (v) => `${v.inviter} kutsui sinut ${service(v.product, 'palvelun')} työtilaan ${v.domain}`,
  lead: (v) => `${v.inviter} kutsui sinut ${service(v.product, 'palvelun')} työtilaan ${v.domain}. Roolisi on ${v.role}.`,
  messageFrom: (inviter) => `${inviter} kirjoitti:`,
  button: 'Hyväksy kutsu',
  expiry: (v) => `Kutsu on voimassa ${v.date} asti. Jos se ehtii vanhentua, pyydä työtilan ${v.domain} ylläpitäjää lähettämään uusi.`,
  ignore: 'Jos et odottanut tätä kutsua, voit jättää viestin huomiotta.',
};
export const setPassword: Messages['setPassword'] = {
  subject: (product) => `Aseta salasanasi ${service(product, 'palveluun')}`,
  lead: (v) => `${v.inviter} lisäsi sinut ${service(v.product, 'palvelun')} työtilaan ${v.domain}. Tilisi on valmis: aseta salasana, niin pääset kirjautumaan.`,
  button: 'Aseta salasana',
  expiry: (v) => `Linkki toimii vain kerran ja on voimassa ${v.date} asti. Jos se ehtii vanhentua, pyydä työtilan ${v.domain} ylläpitäjää lähettämään uusi.`,
  ignore: 'Jos et tunnista tätä, voit jättää viestin huomiotta: tiliin ei voi kirjautua ennen kuin salasana on asetettu.',
};
export const verifyEmail: Messages['verifyEmail'] = {
  subject: (v) => `Vahvista sähköpostiosoitteesi liittyäksesi ${service(v.product, 'palvelun')} työtilaan ${v.domain}`,
  lead: (v) => `Joku, toivottavasti sinä, rekisteröityi tällä osoitteella ${service(v.product, 'palvelun')} työtilaan ${v.domain}. Vahvista, että osoite on sinun, niin rekisteröityminen valmistuu.`,
  button: 'Vahvista sähköpostiosoite',
  expiry: (v) => `Linkki toimii vain kerran ja on voimassa ${v.date} asti. Jos se ehtii vanhentua, rekisteröidy uudelleen saman linkin kautta.`,
  ignore: 'Jos et rekisteröitynyt, jätä viesti huomiotta: tiliä ei luoda eikä valittu salasana koskaan toimi.',
};
export const signInToJoin: Messages['signInToJoin'] = {
  subject: (v) => `Kirjaudu sisään liittyäksesi ${service(v.product, 'palvelun')} työtilaan ${v.domain}`,
  lead: (v) => `Joku, toivottavasti sinä, pyysi liittyä tällä osoitteella ${service(v.product, 'palvelun')} työtilaan ${v.domain}. Tällä osoitteella on jo tili, joten uutta ei luotu.`,
  button: 'Kirjaudu ja liity',
  advice: 'Kirjaudu sisään nykyisellä salasanallasi ja avaa linkki sitten uudelleen liittyäksesi. Jos et muista salasanaa, vaihda se kirjautumissivulla.',
  ignore: 'Jos se et ollut sinä, jätä viesti huomiotta: tilisi on ennallaan.',
};
export const memberAdded: Messages['memberAdded'] = {
  subject: (v) => `Sinut lisättiin ${service(v.product, 'palvelun')} työtilaan ${v.domain}`,
  lead: (v) => `${v.inviter} lisäsi sinut ${service(v.product, 'palvelun')} työtilaan ${v.domain}. Roolisi on ${v.role}. Kirjaudu sisään nykyisellä tililläsi.`,
  button: 'Kirjaudu sisään',
  ignore: (domain) => `Jos et tiedä, miksi sinut lisättiin, ota yhteyttä työtilan ${domain} ylläpitäjään.`,
};
export const staleDigest: Messages['staleDigest'] = {
  subject: (v) =>
    v.count === 0
      ? `${v.product}: tarkista passiiviset ylläpitäjät – ${v.domain}`
      : `${v.product}: ${v.count} ${v.count === 1 ? 'jäsen' : 'jäsentä'} poistettiin käytöstä passiivisuuden vuoksi – ${v.domain}`,
  lead: (v) =>
    v.count === 1
      ? `Tämä työtilan ${v.domain} jäsen poistettiin käytöstä, koska hän ei ollut käyttänyt palvelua työtilan sallimaa aikaa pidempään:`
      : `Nämä työtilan ${v.domain} jäsenet (${v.count}) poistettiin käytöstä, koska he eivät olleet käyttäneet palvelua työtilan sallimaa aikaa pidempään:`,
  lastActive: (date) => (date ? `viimeksi aktiivinen ${date}` : 'ei ole koskaan kirjautunut'),
  reactivate:
    'Käytöstä poistetulla jäsenellä ei ole pääsyä työtilaan. Voit palauttaa pääsyn avaamalla jäsenen jäsenluettelosta ja vaihtamalla tilaksi Aktiivinen.',
  keptAdmins: (domain) =>
    `Nämä ylläpitäjät ovat olleet käyttämättä palvelua sallittua aikaa pidempään, mutta heitä ei poistettu käytöstä, jotta työtilassa ${domain} on aina aktiivinen ylläpitäjä. Tarkista, tarvitaanko heidän tilejään yhä:`,
  button: 'Avaa käyttöoikeuksien tarkastus',
};
export const accessReview: Messages['accessReview'] = {
  subject: (v) => `${v.product}: työtilan ${v.domain} käyttöoikeuksien tarkastus on ajankohtainen`,
  lead: (v) => `Työtilan ${v.domain} säännöllinen käyttöoikeuksien tarkastus on ajankohtainen (määräpäivä ${v.date}).`,
  steps:
    'Käy läpi jäsenet ja heidän roolinsa. Poista käytöstä tai poista kokonaan ne, jotka eivät enää tarvitse pääsyä, ja kuittaa sitten tarkastus tehdyksi. Seuraavan tarkastuksen ajankohta määräytyy työtilan asetuksista.',
  button: 'Aloita tarkastus',
};
// ---- Password reset ----
export const passwordReset: Messages['passwordReset'] = {
  subject: (product) => `Vaihda ${service(product, 'palvelun')} salasanasi`,
  lead: (product) => `${service(product, 'palvelun')} tilisi salasanan vaihtamista pyydettiin. Valitse uusi salasana alla olevasta painikkeesta.`,
  button: 'Valitse uusi salasana',
  expiry: (date) => `Linkki toimii vain kerran ja on voimassa ${date} asti. Uuden salasanan asettaminen kirjaa sinut ulos kaikkialta.`,
  ignore: 'Jos et pyytänyt tätä, voit jättää viestin huomiotta: salasanasi pysyy ennallaan.',
};
// ---- Hosted pages (web/) ----
export const pages: Messages['pages'] = {
  language: 'Kieli',
  languageName: 'Suomi',
  loading: 'Ladataan…',
  signIn: {
    title: 'Kirjaudu sisään',
    email: 'Sähköpostiosoite',
    password: 'Salasana',
    button: 'Kirjaudu sisään',
    wrongCredentials: 'Sähköpostiosoite tai salasana on väärin. Tarkista molemmat ja yritä uudelleen.',
    signedInAs: (name) => `Kirjautuneena: ${name}`,
    signOut: 'Kirjaudu ulos',
    forgot: 'Unohditko salasanasi?',
  },
  accept: {
    title: (domain) => `Liity työtilaan ${domain}`,
    lead: (v) => `${v.inviter} kutsui sinut työtilaan ${v.domain} roolissa ${v.role}.`,
    email: 'Sähköpostiosoitteesi',
    until: (date) => `Kutsu on voimassa ${date} asti.`,
    name: 'Nimesi',
    password: 'Valitse salasana',
    rules: 'Salasanassa on oltava:',
    ruleLength: (min) => `vähintään ${min} merkkiä`,
    ruleLower: 'pieni kirjain',
    ruleUpper: 'iso kirjain',
    ruleDigit: 'numero',
    ruleSymbol: 'erikoismerkki, kuten ! tai #',
    button: 'Hyväksy ja kirjaudu',
    problemTitle: 'Tätä linkkiä ei voi käyttää',
    toSignIn: 'Siirry kirjautumaan',
    toDomains: 'Siirry työtiloihisi',
  },
  register: {
    lead: (v) => `${v.inviter} kutsuu sinut liittymään työtilaan ${v.domain}.`,
    role: (role) => `Liityt roolissa ${role}.`,
    noRole: 'Kun olet liittynyt, ylläpitäjä antaa sinulle roolin.',
    button: 'Rekisteröidy',
    haveAccount: 'Onko sinulla jo tili?',
    signInToJoin: 'Kirjaudu sisään ja liity sillä',
    sentTitle: 'Tarkista sähköpostisi',
    sent: (email) => `Lähetimme vahvistuslinkin osoitteeseen ${email}. Avaa se, niin rekisteröitymisesi valmistuu: linkki toimii kerran ja 24 tunnin ajan.`,
    sentHint: 'Eikö viestiä ole tullut muutamassa minuutissa? Katso roskapostikansio tai rekisteröidy uudelleen samalla linkillä: uusin viesti on voimassa.',
    emailInvalid: 'Anna sähköpostiosoitteesi, esimerkiksi nimi@example.com.',
  },
  join: {
    signedInAs: (email) => `Olet kirjautunut sisään osoitteella ${email}.`,
    button: 'Liity tällä tilillä',
    otherAccount: 'Käytä toista tiliä',
    wrongAccount: (v) => `Olet kirjautunut sisään osoitteella ${v.signedIn}, mutta tämä kutsu lähetettiin osoitteeseen ${v.invited}.`,
    signOutToAccept: (invited) => `Kirjaudu ulos ja hyväksy osoitteella ${invited}`,
    alreadyMember: 'Olet jo tämän työtilan jäsen: jatka avaamalla työtilasi.',
    sessionEnded: 'Istuntosi on päättynyt. Kirjaudu uudelleen sisään tai täytä alla oleva lomake.',
  },
  verify: {
    title: 'Vahvista sähköpostiosoitteesi',
    lead: 'Vahvista, että tämä osoite on sinun, niin rekisteröitymisesi valmistuu.',
    button: 'Vahvista sähköpostiosoitteeni',
    doneTitle: 'Sähköpostiosoitteesi on vahvistettu',
    active: 'Rekisteröitymisesi on valmis ja olet jäsen. Kirjaudu sisään aloittaaksesi.',
    pending: 'Rekisteröitymisesi on valmis. Ylläpitäjä antaa sinulle roolin: siihen asti voit kirjautua sisään, ja työtila näkyy odottavana.',
    used: 'Tämä vahvistuslinkki on jo käytetty. Jos vahvistit osoitteesi, rekisteröitymisesi on valmis: kirjaudu sisään. Jos kutsulinkillä on jo liittynyt niin monta kuin sillä saa, pyydä linkin jakajalta uusi.',
    revoked: 'Tämä vahvistuslinkki ei enää toimi: uudempi rekisteröityminen, kutsu tai ylläpitäjä korvasi sen, tai kutsulinkki peruttiin. Käytä uusinta osoitteeseesi lähetettyä viestiä tai kysy kutsulinkin jakajalta.',
    expired: 'Tämä vahvistuslinkki on vanhentunut. Rekisteröidy uudelleen saamallasi kutsulinkillä; jos sekin on vanhentunut, pyydä sen jakajalta uusi.',
    notFound: 'Tämä vahvistuslinkki ei kelpaa. Tarkista, että avasit koko osoitteen sähköpostista, tai rekisteröidy uudelleen kutsulinkilläsi.',
  },
  setPassword: {
    title: (domain) => `Aseta salasanasi työtilaan ${domain}`,
    lead: (v) => `${v.inviter} lisäsi sinut työtilaan ${v.domain}. Tilisi on valmis: valitse salasana, niin pääset kirjautumaan.`,
    leadSelf: (domain) => `Tilisi työtilaan ${domain} on valmis: valitse salasana, niin pääset kirjautumaan.`,
    until: (date) => `Linkki toimii ${date} asti.`,
    button: 'Aseta salasana ja kirjaudu',
    used: 'Tälle tilille on jo asetettu salasana. Kirjaudu sillä sisään; jos olet unohtanut sen, vaihda se kirjautumissivulla.',
    revoked: 'Uudempi viesti korvasi tämän linkin. Avaa uusin ”Aseta salasanasi” -viesti tai pyydä työtilan ylläpitäjää lähettämään uusi.',
    expired: 'Tämä linkki on vanhentunut. Pyydä sinut lisännyttä ylläpitäjää tai työtilan muuta ylläpitäjää lähettämään uusi.',
  },
  home: {
    title: (name) => `Tervetuloa, ${name}`,
    roleIn: (v) => `${v.domain}: ${v.role}`,
    pending: (domain) => `${domain}: odottaa, että ylläpitäjä antaa sinulle roolin`,
    none: 'Et ole vielä minkään työtilan jäsen.',
    account: 'Oma tili',
  },
  invite: {
    title: 'Kutsu joku',
    domain: 'Työtila',
    email: 'Sähköpostiosoite',
    role: 'Rooli',
    chooseRole: 'Valitse rooli…',
    button: 'Lähetä kutsu',
    invited: (email) => `${email} on kutsuttu: sähköposti on matkalla.`,
    refreshed: (email) => `${email} oli jo kutsuttu: kutsu lähetettiin uudelleen, ja se on taas voimassa.`,
    alreadyMember: (email) => `${email} on jo tämän työtilan jäsen.`,
    deliveryFailed: (email) => `Kutsu osoitteeseen ${email} on tallennettu, mutta sähköpostia ei voitu lähettää. Lähetä se myöhemmin uudelleen.`,
    invalid: (reason) => `Osoitetta ei voi kutsua: ${reason}.`,
  },
  console: {
    domain: 'Työtila',
    sections: { members: 'Jäsenet', invite: 'Kutsu', invitations: 'Kutsut', links: 'Rekisteröitymislinkit', roles: 'Roolit', settings: 'Asetukset', 'access-review': 'Käyttöoikeuksien tarkastus', history: 'Historia', assets: 'Laitteet', locations: 'Sijainnit' },
    notYours: 'Et ole tämän työtilan jäsen, tai sitä ei ole. Valitse jokin omista työtiloistasi.',
    members: {
      title: 'Jäsenet',
      search: 'Haku',
      searchHint: 'Nimi tai sähköposti',
      role: 'Rooli',
      allRoles: 'Kaikki roolit',
      status: 'Tila',
      allStatuses: 'Kaikki tilat',
      statuses: { active: 'Aktiivinen', inactive: 'Poistettu käytöstä', pending: 'Odottaa roolia' },
      columns: { name: 'Nimi', email: 'Sähköposti', role: 'Rooli', status: 'Tila', lastActive: 'Viimeksi aktiivinen' },
      never: 'Ei koskaan',
      none: 'Yksikään jäsen ei vastaa hakua.',
      next: 'Seuraava sivu',
      previous: 'Edellinen sivu',
    },
  },
  forgot: {
    title: 'Unohditko salasanasi?',
    lead: 'Kirjoita sähköpostiosoite, jolla kirjaudut sisään. Lähetämme siihen linkin, jolla voit valita uuden salasanan.',
    email: 'Sähköpostiosoite',
    button: 'Lähetä linkki',
    badEmail: 'Kirjoita koko sähköpostiosoite, esimerkiksi nimi@example.com.',
    sentTitle: 'Katso sähköpostisi',
    sent: (email) => `Jos osoitteella ${email} on tili, lähetimme siihen linkin uuden salasanan valitsemiseen. Linkki toimii kerran ja tunnin ajan. Jos viestiä ei kuulu muutamassa minuutissa, katso myös roskapostikansio.`,
    limit: (when) => `Tähän osoitteeseen on lähetetty viimeisen tunnin aikana liian monta palautusviestiä. Käytä uusimman viestin linkkiä tai pyydä uutta linkkiä aikaisintaan ${when}.`,
    backToSignIn: 'Takaisin kirjautumiseen',
  },
  reset: {
    title: 'Valitse uusi salasana',
    password: 'Uusi salasana',
    button: 'Vaihda salasana',
    doneTitle: 'Salasana vaihdettu',
    done: 'Salasanasi on vaihdettu, ja tilisi kaikki istunnot on päätetty. Kirjaudu sisään uudella salasanalla.',
    signIn: 'Kirjaudu sisään',
    used: 'Tämä palautuslinkki on jo käytetty. Jos vaihdoit salasanasi sillä, kirjaudu sisään uudella salasanalla; muuten pyydä uusi linkki.',
    expired: 'Tämä palautuslinkki on vanhentunut: linkki toimii vain tunnin ajan. Pyydä uusi linkki.',
    replaced: 'Osoitteeseesi on tämän jälkeen lähetetty uudempi palautuslinkki. Käytä uusimman viestin linkkiä tai pyydä uusi.',
    notFound: 'Tämä palautuslinkki ei kelpaa. Tarkista, että avasit sähköpostista koko osoitteen, tai pyydä uusi linkki.',
    askAgain: 'Pyydä uusi linkki',
  },
  account: {
    title: 'Oma tili',
    profile: 'Profiili',
    email: 'Sähköpostiosoite',
    name: 'Nimi',
    nameProblem: 'Kirjoita nimesi: 1–100 merkkiä yhdelle riville.',
    language: 'Sivujen ja sähköpostien kieli',
    languageProblem: 'Valitse jokin luettelon kielistä.',
    save: 'Tallenna muutokset',
    saved: 'Muutokset on tallennettu.',
    domains: 'Työtilasi',
    signOutTitle: 'Kirjaudu ulos kaikkialta',
    signOutLead: 'Päättää tilisi kaikki istunnot: tässä selaimessa ja kaikilla muilla laitteilla.',
    signOutEverywhere: 'Kirjaudu ulos kaikkialta',
    back: 'Takaisin työtiloihisi',
  },
  problems: {
    invitationUsed: 'Tämä kutsu on jo käytetty. Jos se et ollut sinä tai tarvitset pääsyn uudelleen, pyydä kutsujaa lähettämään uusi kutsu.',
    invitationRevoked: 'Tämä kutsu on peruttu. Pyydä uutta kutsua kutsujalta tai työtilan muulta ylläpitäjältä.',
    invitationExpired: 'Tämä kutsu on vanhentunut. Pyydä kutsujaa tai työtilan muuta ylläpitäjää lähettämään uusi.',
    notFound: 'Tämä linkki ei kelpaa. Tarkista, että avasit koko osoitteen sähköpostista, tai pyydä uusi kutsu.',
    accountExists: 'Tällä sähköpostiosoitteella on jo tili. Kirjaudu sillä sisään ja avaa linkki uudelleen.',
    throttled: 'Liian monta yritystä. Odota hetki ja yritä uudelleen.',
    invalidInput: (detail) => `Korjaa lomake: ${detail}`,
    emailDomainNotAllowed: 'Tällä linkillä voi rekisteröityä vain tiettyjen organisaatioiden osoitteilla. Rekisteröidy työosoitteellasi tai pyydä linkin jakajalta sähköpostikutsu.',
    wrongAccount: 'Tämä kutsu lähetettiin eri osoitteeseen kuin siihen, jolla olet kirjautunut sisään. Kirjaudu ulos ja avaa linkki uudelleen.',
    alreadyMember: 'Olet jo tämän työtilan jäsen. Kirjaudu sisään avataksesi sen.',
    changed: 'Jokin muuttui samalla hetkellä. Lähetä lomake uudelleen.',
    dailyEmailLimit: 'Tämä työtila on lähettänyt tänään niin monta viestiä kuin se saa. Yritä huomenna uudelleen tai pyydä työtilan ylläpitäjää kutsumaan sinut.',
    noToken: 'Osoitteessa ei ole kutsun tunnistetta. Avaa linkki täsmälleen sellaisena kuin se on sähköpostissa.',
    unreachable: 'Palveluun ei saada yhteyttä. Tarkista yhteytesi ja yritä uudelleen.',
    unexpected: (detail) => `Jokin meni vikaan: ${detail} Yritä hetken kuluttua uudelleen.`,
  },
};
export const adminFooter: Messages['adminFooter'] = (domain) => `Saat tämän viestin, koska olet työtilan ${domain} ylläpitäjä.`;

/** The whole catalogue: the Messages type checks that fi says everything (the templates import sections, not this). */
export const fi: Messages = { locale, colon, buttonFallback, invitation, setPassword, verifyEmail, signInToJoin, memberAdded, staleDigest, accessReview, passwordReset, pages, adminFooter };
