/** French (vouvoiement; a no-break space before ':' as French typography wants). */
import type { Messages } from '#shared/mail/messages/catalog.ts';

export const locale: Messages['locale'] = 'fr-FR';
export const colon: Messages['colon'] = '\u00a0:';
export const buttonFallback: Messages['buttonFallback'] = 'Si le bouton ne fonctionne pas, copiez cette adresse dans votre navigateur\u00a0:';
export const invitation: Messages['invitation'] = {
  subject: (v) => `${v.inviter} vous invite à rejoindre ${v.domain} sur ${v.product}`,
  lead: (v) => `${v.inviter} vous invite à rejoindre l’espace de travail ${v.domain} sur ${v.product} en tant que ${v.role}.`,
  messageFrom: (inviter) => `Message de ${inviter}\u00a0:`,
  button: 'Accepter l’invitation',
  expiry: (v) => `L’invitation expire le ${v.date}. Passé ce délai, demandez-en une nouvelle à un administrateur de l’espace ${v.domain}.`,
  ignore: 'Si vous ne vous attendiez pas à cette invitation, vous pouvez ignorer cet e-mail.',
};
export const setPassword: Messages['setPassword'] = {
  subject: (product) => `Définissez votre mot de passe pour ${product}`,
  lead: (v) =>
    `${v.inviter} a créé votre compte dans l’espace de travail ${v.domain} sur ${v.product}. Il ne vous reste qu’à choisir un mot de passe pour vous connecter.`,
  button: 'Définir mon mot de passe',
  expiry: (v) => `Ce lien ne fonctionne qu’une seule fois et expire le ${v.date}. Passé ce délai, demandez-en un nouveau à un administrateur de l’espace ${v.domain}.`,
  ignore:
    'Si vous ne savez pas de quoi il s’agit, vous pouvez ignorer cet e-mail\u00a0: personne ne peut se connecter à ce compte tant qu’aucun mot de passe n’a été défini.',
};
export const verifyEmail: Messages['verifyEmail'] = {
  subject: (v) => `Confirmez votre adresse e-mail pour rejoindre ${v.domain} sur ${v.product}`,
  lead: (v) =>
    `Quelqu’un, vous sans doute, s’est inscrit avec cette adresse pour rejoindre l’espace de travail ${v.domain} sur ${v.product}. Confirmez que cette adresse est la vôtre pour terminer l’inscription.`,
  button: 'Confirmer mon adresse',
  expiry: (v) => `Ce lien ne fonctionne qu’une seule fois et expire le ${v.date}. Passé ce délai, inscrivez-vous de nouveau avec le même lien.`,
  ignore: 'Si vous ne vous êtes pas inscrit, ignorez cet e-mail : aucun compte n’est créé et le mot de passe choisi ne fonctionnera jamais.',
};
export const signInToJoin: Messages['signInToJoin'] = {
  subject: (v) => `Connectez-vous pour rejoindre ${v.domain} sur ${v.product}`,
  lead: (v) =>
    `Quelqu’un, vous sans doute, a demandé à rejoindre l’espace de travail ${v.domain} sur ${v.product} avec cette adresse. Un compte existe déjà pour cette adresse : aucun nouveau compte n’a été créé.`,
  button: 'Me connecter et rejoindre',
  advice: 'Connectez-vous avec votre mot de passe habituel, puis ouvrez de nouveau le lien pour rejoindre l’espace. Si vous l’avez oublié, réinitialisez-le depuis la page de connexion.',
  ignore: 'Si ce n’était pas vous, ignorez cet e-mail : votre compte reste inchangé.',
};
export const memberAdded: Messages['memberAdded'] = {
  subject: (v) => `Vous avez été ajouté à l’espace ${v.domain} sur ${v.product}`,
  lead: (v) => `${v.inviter} vous a ajouté à l’espace de travail ${v.domain} sur ${v.product} en tant que ${v.role}. Connectez-vous avec votre compte habituel pour commencer.`,
  button: 'Me connecter',
  ignore: (domain) => `Si vous ne savez pas pourquoi vous avez été ajouté, contactez un administrateur de l’espace ${domain}.`,
};
export const staleDigest: Messages['staleDigest'] = {
  subject: (v) =>
    v.count === 0
      ? `${v.product}\u00a0: administrateurs inactifs à vérifier dans l’espace ${v.domain}`
      : `${v.product}\u00a0: ${v.count} ${v.count > 1 ? 'membres désactivés' : 'membre désactivé'} pour inactivité dans l’espace ${v.domain}`,
  lead: (v) =>
    v.count === 1
      ? `Ce membre de l’espace ${v.domain} a été désactivé, car il était inactif au-delà de la durée autorisée\u00a0:`
      : `Ces ${v.count} membres de l’espace ${v.domain} ont été désactivés, car ils étaient inactifs au-delà de la durée autorisée\u00a0:`,
  lastActive: (date) => (date ? `dernière activité le ${date}` : 'aucune connexion'),
  reactivate:
    'Un membre désactivé n’a plus accès à l’espace. Pour le réactiver, ouvrez sa fiche dans la liste des membres et passez son statut à Actif.',
  keptAdmins: (domain) =>
    `Ces administrateurs sont inactifs au-delà de la durée autorisée, mais ont été maintenus actifs pour que l’espace ${domain} garde toujours un administrateur actif. Vérifiez si leurs comptes sont encore nécessaires\u00a0:`,
  button: 'Ouvrir la revue des accès',
};
export const accessReview: Messages['accessReview'] = {
  subject: (v) => `${v.product}\u00a0: la revue des accès de l’espace ${v.domain} est à faire`,
  lead: (v) => `Il est temps d’effectuer la revue périodique des accès de l’espace ${v.domain} (échéance\u00a0: ${v.date}).`,
  steps:
    'Passez en revue les membres et leurs rôles, désactivez ou retirez ceux qui n’ont plus besoin d’accès, puis validez la revue. La prochaine sera planifiée selon l’intervalle défini dans les paramètres de l’espace.',
  button: 'Commencer la revue',
};
// ---- Password reset ----
export const passwordReset: Messages['passwordReset'] = {
  subject: (product) => `Réinitialisez votre mot de passe ${product}`,
  lead: (product) => `Quelqu’un a demandé à réinitialiser le mot de passe de votre compte ${product}. Choisissez un nouveau mot de passe avec le bouton ci-dessous.`,
  button: 'Choisir un nouveau mot de passe',
  expiry: (date) => `Le lien ne fonctionne qu’une fois et expire le ${date}. Définir un nouveau mot de passe vous déconnecte partout.`,
  ignore: 'Si vous n’êtes pas à l’origine de cette demande, ignorez cet e-mail : votre mot de passe reste inchangé.',
};
// ---- Hosted pages (web/) ----
export const pages: Messages['pages'] = {
  language: 'Langue',
  languageName: 'Français',
  loading: 'Chargement…',
  signIn: {
    title: 'Se connecter',
    email: 'Adresse e-mail',
    password: 'Mot de passe',
    button: 'Se connecter',
    wrongCredentials: "L'adresse e-mail ou le mot de passe est incorrect. Vérifiez les deux et réessayez.",
    signedInAs: (name) => `Connecté en tant que ${name}`,
    signOut: 'Se déconnecter',
    forgot: 'Mot de passe oublié\u00a0?',
  },
  accept: {
    title: (domain) => `Rejoindre ${domain}`,
    lead: (v) => `${v.inviter} vous invite à rejoindre ${v.domain} en tant que ${v.role}.`,
    email: 'Votre adresse e-mail',
    until: (date) => `L'invitation est valable jusqu'au ${date}.`,
    name: 'Votre nom',
    password: 'Choisissez un mot de passe',
    rules: 'Votre mot de passe doit contenir\u00a0:',
    ruleLength: (min) => `au moins ${min} caractères`,
    ruleLower: 'une lettre minuscule',
    ruleUpper: 'une lettre majuscule',
    ruleDigit: 'un chiffre',
    ruleSymbol: 'un symbole comme ! ou #',
    button: 'Accepter et se connecter',
    problemTitle: 'Ce lien ne peut pas être utilisé',
    toSignIn: 'Aller à la connexion',
    toDomains: 'Voir vos domaines',
  },
  register: {
    lead: (v) => `${v.inviter} vous invite à rejoindre ${v.domain}.`,
    role: (role) => `Vous rejoindrez le domaine en tant que ${role}.`,
    noRole: 'Une fois inscrit, un administrateur vous donnera un rôle.',
    button: "S'inscrire",
    haveAccount: 'Vous avez déjà un compte ?',
    signInToJoin: 'Connectez-vous pour rejoindre avec ce compte',
    sentTitle: 'Consultez votre boîte de réception',
    sent: (email) => `Nous avons envoyé un lien de confirmation à ${email}. Ouvrez-le pour terminer votre inscription : il fonctionne une seule fois, pendant 24 heures.`,
    sentHint: "Rien reçu après quelques minutes ? Regardez dans vos courriers indésirables, ou inscrivez-vous de nouveau avec le même lien : seul le dernier e-mail compte.",
    emailInvalid: 'Saisissez votre adresse e-mail, par exemple nom@example.com.',
  },
  join: {
    signedInAs: (email) => `Vous êtes connecté en tant que ${email}.`,
    button: 'Rejoindre avec ce compte',
    otherAccount: 'Utiliser un autre compte',
    wrongAccount: (v) => `Vous êtes connecté en tant que ${v.signedIn}, mais cette invitation a été envoyée à ${v.invited}.`,
    signOutToAccept: (invited) => `Se déconnecter et accepter en tant que ${invited}`,
    alreadyMember: 'Vous êtes déjà membre de ce domaine : ouvrez vos domaines pour continuer.',
    sessionEnded: 'Votre session a pris fin. Reconnectez-vous, ou remplissez le formulaire ci-dessous.',
  },
  verify: {
    title: 'Confirmez votre adresse e-mail',
    lead: 'Confirmez que cette adresse est la vôtre pour terminer votre inscription.',
    button: 'Confirmer mon adresse e-mail',
    doneTitle: 'Votre adresse e-mail est confirmée',
    active: 'Votre inscription est terminée et vous êtes membre. Connectez-vous pour commencer.',
    pending: "Votre inscription est terminée. Un administrateur vous donnera un rôle : d'ici là, vous pouvez vous connecter, et le domaine apparaît comme en attente.",
    used: "Ce lien de confirmation a déjà été utilisé. Si vous avez confirmé votre adresse, votre inscription est terminée : connectez-vous. Si le lien d'invitation a admis toutes les personnes qu'il pouvait, demandez-en un nouveau à la personne qui l'a partagé.",
    revoked: "Ce lien de confirmation ne fonctionne plus : une inscription plus récente, une invitation ou un administrateur l'a remplacé, ou le lien d'invitation a été retiré. Utilisez le dernier e-mail envoyé à votre adresse, ou adressez-vous à la personne qui a partagé le lien d'invitation.",
    expired: "Ce lien de confirmation a expiré. Inscrivez-vous de nouveau avec le lien d'invitation reçu ; s'il a expiré lui aussi, demandez-en un nouveau à la personne qui l'a partagé.",
    notFound: "Ce lien de confirmation n'est pas valide. Vérifiez que vous avez ouvert l'adresse complète de l'e-mail, ou inscrivez-vous de nouveau avec votre lien d'invitation.",
  },
  setPassword: {
    title: (domain) => `Définissez votre mot de passe pour ${domain}`,
    lead: (v) => `${v.inviter} vous a ajouté à ${v.domain}. Votre compte est prêt : choisissez un mot de passe pour vous connecter.`,
    leadSelf: (domain) => `Votre compte pour ${domain} est prêt : choisissez un mot de passe pour vous connecter.`,
    until: (date) => `Le lien fonctionne jusqu'au ${date}.`,
    button: 'Définir le mot de passe et se connecter',
    used: "Un mot de passe a déjà été défini pour ce compte. Connectez-vous avec ; si vous l'avez oublié, réinitialisez-le depuis la page de connexion.",
    revoked: 'Un e-mail plus récent a remplacé ce lien. Ouvrez le dernier e-mail « Définissez votre mot de passe », ou demandez-en un nouveau à un administrateur du domaine.',
    expired: "Ce lien a expiré. Demandez à l'administrateur qui vous a ajouté, ou à un autre administrateur du domaine, de vous en envoyer un nouveau.",
  },
  home: {
    title: (name) => `Bienvenue, ${name}`,
    roleIn: (v) => `${v.domain}\u00a0: ${v.role}`,
    pending: (domain) => `${domain}\u00a0: en attente d'un rôle donné par un administrateur`,
    none: "Vous n'êtes encore membre d'aucun domaine.",
    account: 'Votre compte',
  },
  invite: {
    title: 'Inviter quelqu\'un',
    domain: 'Domaine',
    email: 'Son adresse e-mail',
    role: 'Rôle',
    chooseRole: 'Choisissez un rôle…',
    button: 'Envoyer l\'invitation',
    invited: (email) => `${email} est invité·e\u00a0: l'e-mail est en route.`,
    refreshed: (email) => `${email} était déjà invité·e\u00a0: l'invitation a été renvoyée et vaut de nouveau.`,
    alreadyMember: (email) => `${email} est déjà membre de ce domaine.`,
    deliveryFailed: (email) => `L'invitation à ${email} est enregistrée, mais l'e-mail n'a pas pu partir. Renvoyez-la plus tard.`,
    invalid: (reason) => `Cette adresse ne peut pas être invitée\u00a0: ${reason}.`,
  },
  console: {
    domain: 'Domaine',
    sections: { members: 'Membres', invite: 'Inviter', invitations: 'Invitations', links: "Liens d'inscription", roles: 'Rôles', settings: 'Paramètres', 'access-review': 'Revue des accès', history: 'Historique', assets: 'Équipements', locations: 'Emplacements' },
    notYours: "Vous n'êtes pas membre de ce domaine, ou il n'existe pas. Choisissez l'un de vos domaines.",
    members: {
      title: 'Membres',
      search: 'Rechercher',
      searchHint: 'Nom ou e-mail',
      role: 'Rôle',
      allRoles: 'Tous les rôles',
      status: 'Statut',
      allStatuses: 'Tous les statuts',
      statuses: { active: 'Actif', inactive: 'Désactivé', pending: "En attente d'un rôle" },
      columns: { name: 'Nom', email: 'E-mail', role: 'Rôle', status: 'Statut', lastActive: 'Dernière activité' },
      never: 'Jamais',
      none: 'Aucun membre ne correspond.',
      next: 'Page suivante',
      previous: 'Page précédente',
    },
  },
  forgot: {
    title: 'Mot de passe oublié\u00a0?',
    lead: "Saisissez l'adresse e-mail avec laquelle vous vous connectez. Nous y enverrons un lien pour choisir un nouveau mot de passe.",
    email: 'Adresse e-mail',
    button: 'Envoyer le lien',
    badEmail: "Saisissez l'adresse e-mail complète, par exemple nom@example.com.",
    sentTitle: 'Consultez votre messagerie',
    sent: (email) => `Si un compte existe pour ${email}, nous lui avons envoyé un lien pour choisir un nouveau mot de passe. Le lien ne sert qu'une fois, pendant une heure. S'il n'arrive pas d'ici quelques minutes, regardez dans vos courriers indésirables.`,
    limit: (when) => `Trop d'e-mails de réinitialisation ont été envoyés à cette adresse au cours de la dernière heure. Utilisez le lien du dernier e-mail, ou refaites la demande après le ${when}.`,
    backToSignIn: 'Retour à la connexion',
  },
  reset: {
    title: 'Choisissez un nouveau mot de passe',
    password: 'Nouveau mot de passe',
    button: 'Changer le mot de passe',
    doneTitle: 'Mot de passe changé',
    done: 'Votre mot de passe est changé et toutes les sessions de votre compte ont pris fin. Connectez-vous avec le nouveau mot de passe.',
    signIn: 'Se connecter',
    used: "Ce lien de réinitialisation a déjà servi. Si vous avez changé votre mot de passe avec lui, connectez-vous avec le nouveau\u00a0; sinon, demandez un nouveau lien.",
    expired: "Ce lien de réinitialisation a expiré\u00a0: un lien n'est valable qu'une heure. Demandez-en un nouveau.",
    replaced: 'Un lien de réinitialisation plus récent a été envoyé à votre adresse depuis celui-ci. Utilisez le lien du dernier e-mail, ou demandez-en un nouveau.',
    notFound: "Ce lien de réinitialisation n'est pas valide. Vérifiez que vous avez ouvert l'adresse complète de l'e-mail, ou demandez un nouveau lien.",
    askAgain: 'Demander un nouveau lien',
  },
  account: {
    title: 'Votre compte',
    profile: 'Profil',
    email: 'Adresse e-mail',
    name: 'Nom',
    nameProblem: 'Saisissez votre nom\u00a0: de 1 à 100 caractères, sur une ligne.',
    language: 'Langue des pages et des e-mails',
    languageProblem: "Choisissez l'une des langues de la liste.",
    save: 'Enregistrer les modifications',
    saved: 'Vos modifications sont enregistrées.',
    domains: 'Vos domaines',
    signOutTitle: 'Se déconnecter partout',
    signOutLead: 'Met fin à toutes les sessions de votre compte\u00a0: dans ce navigateur et sur tous vos autres appareils.',
    signOutEverywhere: 'Se déconnecter partout',
    back: 'Retour à vos domaines',
  },
  problems: {
    invitationUsed: "Cette invitation a déjà été utilisée. Si ce n'était pas vous, ou s'il vous faut de nouveau l'accès, demandez une nouvelle invitation à la personne qui vous a invité.",
    invitationRevoked: "Cette invitation a été retirée. Demandez-en une nouvelle à la personne qui vous a invité ou à un autre administrateur du domaine.",
    invitationExpired: "Cette invitation a expiré. Demandez à la personne qui vous a invité, ou à un autre administrateur du domaine, d'en envoyer une nouvelle.",
    notFound: "Ce lien n'est pas valide. Vérifiez que vous avez ouvert l'adresse complète de l'e-mail, ou demandez une nouvelle invitation.",
    accountExists: 'Un compte existe déjà avec cette adresse. Connectez-vous avec, puis rouvrez le lien.',
    throttled: 'Trop de tentatives. Attendez une minute et réessayez.',
    invalidInput: (detail) => `Corrigez le formulaire\u00a0: ${detail}`,
    emailDomainNotAllowed: "Ce lien n'admet que les adresses de certaines organisations. Inscrivez-vous avec votre adresse professionnelle, ou demandez une invitation par e-mail à la personne qui a partagé le lien.",
    wrongAccount: "Cette invitation a été envoyée à une autre adresse que celle de votre compte connecté. Déconnectez-vous, puis rouvrez le lien.",
    alreadyMember: 'Vous êtes déjà membre de ce domaine. Connectez-vous pour y accéder.',
    changed: "Quelque chose a changé au même moment. Envoyez de nouveau le formulaire.",
    dailyEmailLimit: "Ce domaine a envoyé aujourd'hui autant d'e-mails qu'il le peut. Réessayez demain, ou demandez à un administrateur du domaine de vous inviter.",
    noToken: "L'adresse ne contient pas de jeton d'invitation. Ouvrez le lien tel qu'il figure dans l'e-mail.",
    unreachable: 'Le service est injoignable. Vérifiez votre connexion et réessayez.',
    unexpected: (detail) => `Une erreur s'est produite\u00a0: ${detail} Réessayez dans un instant.`,
  },
};
export const adminFooter: Messages['adminFooter'] = (domain) => `Vous recevez cet e-mail en tant qu’administrateur de l’espace ${domain}.`;

/** The whole catalogue: the Messages type checks that fr says everything (the templates import sections, not this). */
export const fr: Messages = { locale, colon, buttonFallback, invitation, setPassword, verifyEmail, signInToJoin, memberAdded, staleDigest, accessReview, passwordReset, pages, adminFooter };
