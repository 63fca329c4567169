/** English, also the fallback for every language without its own messages. */
import type { Messages } from '#shared/mail/messages/catalog.ts';

export const locale: Messages['locale'] = 'en-GB';
export const colon: Messages['colon'] = ':';
export const buttonFallback: Messages['buttonFallback'] = "If the button doesn't work, copy this address into your browser:";
export const invitation: Messages['invitation'] = {
  subject: (v) => `${v.inviter} invited you to join ${v.domain} on ${v.product}`,
  lead: (v) => `${v.inviter} invited you to join ${v.domain} on ${v.product} as ${v.role}.`,
  messageFrom: (inviter) => `Message from ${inviter}:`,
  button: 'Accept the invitation',
  expiry: (v) => `The invitation expires on ${v.date}. If it expires, ask an administrator of ${v.domain} to send you a new one.`,
  ignore: "If you weren't expecting this invitation, you can ignore this email.",
};
export const setPassword: Messages['setPassword'] = {
  subject: (product) => `Set your password for ${product}`,
  lead: (v) => `${v.inviter} added you to ${v.domain} on ${v.product}. Your account is ready: choose a password to sign in.`,
  button: 'Set your password',
  expiry: (v) => `The link works only once and expires on ${v.date}. If it expires, ask an administrator of ${v.domain} to send you a new one.`,
  ignore: "If you don't recognise this, you can ignore this email: nobody can sign in to the account until a password is set.",
};
export const verifyEmail: Messages['verifyEmail'] = {
  subject: (v) => `Confirm your email address to join ${v.domain} on ${v.product}`,
  lead: (v) => `Someone, hopefully you, registered with this address to join ${v.domain} on ${v.product}. Confirm that the address is yours to finish the registration.`,
  button: 'Confirm my email address',
  expiry: (v) => `The link works only once and expires on ${v.date}. If it expires, register again through the same link.`,
  ignore: "If you didn't register, ignore this email: no account is created and the password that was chosen never works.",
};
export const signInToJoin: Messages['signInToJoin'] = {
  subject: (v) => `Sign in to join ${v.domain} on ${v.product}`,
  lead: (v) => `Someone, hopefully you, asked to join ${v.domain} on ${v.product} with this address. You already have an account with this address, so no new one was made.`,
  button: 'Sign in and join',
  advice: "Sign in with your existing password, then open the link again to join. If you don't remember your password, reset it on the sign-in page.",
  ignore: "If this wasn't you, ignore this email: your account is unchanged.",
};
export const memberAdded: Messages['memberAdded'] = {
  subject: (v) => `You were added to ${v.domain} on ${v.product}`,
  lead: (v) => `${v.inviter} added you to ${v.domain} on ${v.product} as ${v.role}. Sign in with your existing account to start.`,
  button: 'Sign in',
  ignore: (domain) => `If you don't know why you were added, contact an administrator of ${domain}.`,
};
export const staleDigest: Messages['staleDigest'] = {
  subject: (v) =>
    v.count === 0
      ? `${v.product}: inactive administrators to check in ${v.domain}`
      : `${v.product}: ${v.count} ${v.count === 1 ? 'member' : 'members'} of ${v.domain} deactivated for inactivity`,
  lead: (v) =>
    v.count === 1
      ? `This member of ${v.domain} was deactivated after being inactive longer than the workspace allows:`
      : `These ${v.count} members of ${v.domain} were deactivated after being inactive longer than the workspace allows:`,
  lastActive: (date) => (date ? `last active ${date}` : 'never signed in'),
  reactivate:
    'A deactivated member no longer has access to the workspace. To reactivate someone, open them in the member list and set their status to Active.',
  keptAdmins: (domain) =>
    `These administrators have been inactive beyond the limit, but were kept active so that ${domain} always has an active administrator. Please check whether their accounts are still needed:`,
  button: 'Open the access review',
};
export const accessReview: Messages['accessReview'] = {
  subject: (v) => `${v.product}: the access review of ${v.domain} is due`,
  lead: (v) => `It's time for the periodic access review of ${v.domain} (due ${v.date}).`,
  steps:
    'Go through the members and their roles, deactivate or remove anyone who no longer needs access, then sign off the review. The next review is scheduled from the interval in the workspace settings.',
  button: 'Start the access review',
};
// ---- Password reset ----
export const passwordReset: Messages['passwordReset'] = {
  subject: (product) => `Reset your ${product} password`,
  lead: (product) => `Someone asked to reset the password of your ${product} account. Choose a new password with the button below.`,
  button: 'Choose a new password',
  expiry: (date) => `The link works only once and expires on ${date}. Setting a new password signs you out everywhere.`,
  ignore: "If you didn't ask for this, you can ignore this email: your password stays as it is.",
};
// ---- Hosted pages (web/) ----
export const pages: Messages['pages'] = {
  language: 'Language',
  languageName: 'English',
  loading: 'Loading…',
  signIn: {
    title: 'Sign in',
    email: 'Email address',
    password: 'Password',
    button: 'Sign in',
    wrongCredentials: 'The email address or the password is wrong. Check both and try again.',
    signedInAs: (name) => `Signed in as ${name}`,
    signOut: 'Sign out',
    forgot: 'Forgot your password?',
  },
  accept: {
    title: (domain) => `Join ${domain}`,
    lead: (v) => `${v.inviter} invited you to join ${v.domain} as ${v.role}.`,
    email: 'Your email address',
    until: (date) => `The invitation is valid until ${date}.`,
    name: 'Your name',
    password: 'Choose a password',
    rules: 'Your password needs:',
    ruleLength: (min) => `at least ${min} characters`,
    ruleLower: 'a lower-case letter',
    ruleUpper: 'an upper-case letter',
    ruleDigit: 'a digit',
    ruleSymbol: 'a symbol such as ! or #',
    button: 'Accept and sign in',
    problemTitle: 'This link cannot be used',
    toSignIn: 'Go to sign in',
    toDomains: 'Go to your domains',
  },
  register: {
    lead: (v) => `${v.inviter} invites you to join ${v.domain}.`,
    role: (role) => `You will join as ${role}.`,
    noRole: 'Once you have joined, an administrator will give you a role.',
    button: 'Register',
    haveAccount: 'Already have an account?',
    signInToJoin: 'Sign in to join with it',
    sentTitle: 'Check your inbox',
    sent: (email) => `We sent a confirmation link to ${email}. Open it to finish your registration: it works once, for 24 hours.`,
    sentHint: 'Nothing arrived after a few minutes? Look in your spam folder, or register again through the same link: the newest email counts.',
    emailInvalid: 'Enter your email address, such as name@example.com.',
  },
  join: {
    signedInAs: (email) => `You are signed in as ${email}.`,
    button: 'Join with this account',
    otherAccount: 'Use another account',
    wrongAccount: (v) => `You are signed in as ${v.signedIn}, but this invitation was sent to ${v.invited}.`,
    signOutToAccept: (invited) => `Sign out and accept as ${invited}`,
    alreadyMember: 'You are a member of this domain already: open your domains to continue.',
    sessionEnded: 'Your session has ended. Sign in again, or fill in the form below.',
  },
  verify: {
    title: 'Confirm your email address',
    lead: 'Confirm that this address is yours to finish your registration.',
    button: 'Confirm my email address',
    doneTitle: 'Your email address is confirmed',
    active: 'Your registration is complete and you are a member. Sign in to start.',
    pending: 'Your registration is complete. An administrator will give you a role: until then you can sign in, and the domain shows as waiting.',
    used: 'This confirmation link has been used already. If you confirmed your address, your registration is complete: sign in. If the invitation link has admitted all the people it may, ask the person who shared it for a new one.',
    revoked: 'This confirmation link no longer works: a newer registration, an invitation or an administrator replaced it, or the invitation link was withdrawn. Use the newest email sent to your address, or ask the person who shared the invitation link.',
    expired: 'This confirmation link has expired. Register again through the invitation link you were given; if that has expired too, ask the person who shared it for a new one.',
    notFound: 'This confirmation link is not valid. Check that you opened the whole address from the email, or register again through your invitation link.',
  },
  setPassword: {
    title: (domain) => `Set your password for ${domain}`,
    lead: (v) => `${v.inviter} added you to ${v.domain}. Your account is ready: choose a password to sign in.`,
    leadSelf: (domain) => `Your account for ${domain} is ready: choose a password to sign in.`,
    until: (date) => `The link works until ${date}.`,
    button: 'Set password and sign in',
    used: 'A password has been set for this account already. Sign in with it; if you have forgotten it, reset it from the sign-in page.',
    revoked: 'A newer email replaced this link. Open the latest “Set your password” email, or ask an administrator of the domain to send you a new one.',
    expired: 'This link has expired. Ask the administrator who added you, or another administrator of the domain, to send you a new one.',
  },
  home: {
    title: (name) => `Welcome, ${name}`,
    roleIn: (v) => `${v.domain}: ${v.role}`,
    pending: (domain) => `${domain}: waiting for an administrator to give you a role`,
    none: 'You are not a member of any domain yet.',
    account: 'Your account',
  },
  invite: {
    title: 'Invite someone',
    domain: 'Domain',
    email: 'Their email address',
    role: 'Role',
    chooseRole: 'Choose a role…',
    button: 'Send the invitation',
    invited: (email) => `${email} is invited: the email is on its way.`,
    refreshed: (email) => `${email} was already invited: the invitation was sent again, valid anew.`,
    alreadyMember: (email) => `${email} is already a member of this domain.`,
    deliveryFailed: (email) => `The invitation to ${email} is saved, but the email could not be sent. Send it again later.`,
    invalid: (reason) => `That address cannot be invited: ${reason}.`,
  },
  console: {
    domain: 'Domain',
    sections: { members: 'Members', invite: 'Invite', invitations: 'Invitations', links: 'Registration links', roles: 'Roles', settings: 'Settings', 'access-review': 'Access review', history: 'History', assets: 'Assets', locations: 'Locations' },
    notYours: 'You are not a member of this domain, or it does not exist. Choose one of your domains.',
    members: {
      title: 'Members',
      search: 'Search',
      searchHint: 'Name or email',
      role: 'Role',
      allRoles: 'All roles',
      status: 'Status',
      allStatuses: 'All statuses',
      statuses: { active: 'Active', inactive: 'Deactivated', pending: 'Waiting for a role' },
      columns: { name: 'Name', email: 'Email', role: 'Role', status: 'Status', lastActive: 'Last active' },
      never: 'Never',
      none: 'No member matches.',
      next: 'Next page',
      previous: 'Previous page',
    },
  },
  forgot: {
    title: 'Forgot your password?',
    lead: 'Type the email address you sign in with. We will send it a link to choose a new password.',
    email: 'Email address',
    button: 'Send the link',
    badEmail: 'Type the whole email address, such as name@example.com.',
    sentTitle: 'Check your inbox',
    sent: (email) => `If an account exists for ${email}, we sent it a link to choose a new password. The link works once, for one hour. If nothing arrives within a few minutes, look in your spam folder.`,
    limit: (when) => `Too many reset emails went to this address in the last hour. Use the link in the latest email, or ask again after ${when}.`,
    backToSignIn: 'Back to sign in',
  },
  reset: {
    title: 'Choose a new password',
    password: 'New password',
    button: 'Change the password',
    doneTitle: 'Password changed',
    done: 'Your password is changed, and every session of your account has ended. Sign in with the new password.',
    signIn: 'Sign in',
    used: 'This reset link has been used already. If you changed your password with it, sign in with the new one; otherwise ask for a new link.',
    expired: 'This reset link has expired: a link works for one hour only. Ask for a new one.',
    replaced: 'A newer reset link has been sent to your address since this one. Use the link in the latest email, or ask for a new one.',
    notFound: 'This reset link is not valid. Check that you opened the whole address from the email, or ask for a new link.',
    askAgain: 'Ask for a new link',
  },
  account: {
    title: 'Your account',
    profile: 'Profile',
    email: 'Email address',
    name: 'Name',
    nameProblem: 'Type your name: 1 to 100 characters, on one line.',
    language: 'Language of pages and emails',
    languageProblem: 'Choose one of the languages in the list.',
    save: 'Save changes',
    saved: 'Your changes are saved.',
    domains: 'Your domains',
    signOutTitle: 'Sign out everywhere',
    signOutLead: 'Ends every session of your account: in this browser and on every other device.',
    signOutEverywhere: 'Sign out everywhere',
    back: 'Back to your domains',
  },
  problems: {
    invitationUsed: 'This invitation has been used already. If it was not you, or you need access again, ask the person who invited you to send a new invitation.',
    invitationRevoked: 'This invitation was withdrawn. Ask the person who invited you, or another administrator of the domain, for a new one.',
    invitationExpired: 'This invitation has expired. Ask the person who invited you, or another administrator of the domain, to send a new one.',
    notFound: 'This link is not valid. Check that you opened the whole address from the email, or ask for a new invitation.',
    accountExists: 'An account with this email address exists already. Sign in with it, then open the link again.',
    throttled: 'Too many attempts. Wait a minute and try again.',
    invalidInput: (detail) => `Please correct the form: ${detail}`,
    emailDomainNotAllowed: 'This link admits addresses of certain organisations only. Register with your work address, or ask the person who shared the link for an email invitation.',
    wrongAccount: 'This invitation was sent to another address than the one you are signed in with. Sign out, then open the link again.',
    alreadyMember: 'You are a member of this domain already. Sign in to open it.',
    changed: 'Something changed at the same moment. Send the form again.',
    dailyEmailLimit: 'This domain has sent as many emails as it may today. Try again tomorrow, or ask an administrator of the domain to invite you.',
    noToken: 'The address has no invitation token. Open the link exactly as it is in the email.',
    unreachable: 'The service cannot be reached. Check your connection and try again.',
    unexpected: (detail) => `Something went wrong: ${detail} Try again in a moment.`,
  },
};
export const adminFooter: Messages['adminFooter'] = (domain) => `You receive this email as an administrator of ${domain}.`;

/** The whole catalogue: the Messages type checks that en says everything (the templates import sections, not this). */
export const en: Messages = { locale, colon, buttonFallback, invitation, setPassword, verifyEmail, signInToJoin, memberAdded, staleDigest, accessReview, passwordReset, pages, adminFooter };
