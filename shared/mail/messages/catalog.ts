/**
 * What one language says in Gatehouse's emails. Every entry is plain text: the templates
 * escape it for HTML, so a translation can never inject markup. Values arrive already
 * formatted (dates in the language's style) and flattened to one line.
 *
 * A language file exports each section as its own const (plus the whole catalogue typed as
 * Messages, which is what proves the language complete): a template imports only its own
 * section, so a function bundles only the sentences of the emails it sends.
 */
/** The console's sections (web/src/console/paths.ts lists them in navigation order). */
export type ConsoleSection = 'members' | 'invite' | 'invitations' | 'links' | 'roles' | 'settings' | 'access-review' | 'history' | 'assets' | 'locations';

export interface Messages {
  /** BCP 47 locale the dates are formatted in. */
  locale: string;
  /** Ends a label before what it introduces (French puts a no-break space before it). */
  colon: string;
  /** Above the raw address, for mail clients that do not show the button. */
  buttonFallback: string;
  invitation: {
    subject(v: { inviter: string; domain: string; product: string }): string;
    lead(v: { inviter: string; domain: string; product: string; role: string }): string;
    /** Introduces the inviter's personal message. */
    messageFrom(inviter: string): string;
    button: string;
    expiry(v: { date: string; domain: string }): string;
    ignore: string;
  };
  setPassword: {
    subject(product: string): string;
    lead(v: { inviter: string; domain: string; product: string }): string;
    button: string;
    expiry(v: { date: string; domain: string }): string;
    ignore: string;
  };
  /** A registration through a link: the owner of the address confirms it (and nothing happens otherwise). */
  verifyEmail: {
    subject(v: { domain: string; product: string }): string;
    lead(v: { domain: string; product: string }): string;
    button: string;
    expiry(v: { date: string }): string;
    ignore: string;
  };
  /** A registration through a link for an address that has an account already: sign in and open the link. */
  signInToJoin: {
    subject(v: { domain: string; product: string }): string;
    lead(v: { domain: string; product: string }): string;
    button: string;
    advice: string;
    ignore: string;
  };
  /** An existing account an administrator added to a domain. */
  memberAdded: {
    subject(v: { domain: string; product: string }): string;
    lead(v: { inviter: string; domain: string; product: string; role: string }): string;
    button: string;
    ignore(domain: string): string;
  };
  staleDigest: {
    /** `count` may be 0: the digest then only reports administrators kept active. */
    subject(v: { count: number; domain: string; product: string }): string;
    lead(v: { count: number; domain: string }): string;
    /** After a member's name and address; `date` is null when the member never signed in. */
    lastActive(date: string | null): string;
    reactivate: string;
    keptAdmins(domain: string): string;
    button: string;
  };
  accessReview: {
    subject(v: { domain: string; product: string }): string;
    lead(v: { domain: string; date: string }): string;
    steps: string;
    button: string;
  };
  // ---- Password reset (account-level: branded with the stack's product) ----
  passwordReset: {
    subject(product: string): string;
    lead(product: string): string;
    button: string;
    expiry(date: string): string;
    ignore: string;
  };
  /**
   * The hosted pages (web/): the same catalogue as the emails, so a language is translated in
   * one place. Only web/ imports this section; no function bundles it.
   */
  pages: {
    /** The language switch's label, and each language's own name in it. */
    language: string;
    languageName: string;
    /** Shown while the page asks the API. */
    loading: string;
    signIn: {
      title: string;
      email: string;
      password: string;
      button: string;
      /** Wrong email or password (Cognito's NotAuthorizedException, UserNotFoundException). */
      wrongCredentials: string;
      signedInAs(name: string): string;
      signOut: string;
      /** The link to /forgot-password. */
      forgot: string;
    };
    accept: {
      title(domain: string): string;
      lead(v: { inviter: string; domain: string; role: string }): string;
      /** The invitation's email address, shown read-only above the form. */
      email: string;
      until(date: string): string;
      name: string;
      password: string;
      /** Above the password rules, checked as the person types. */
      rules: string;
      ruleLength(min: number): string;
      ruleLower: string;
      ruleUpper: string;
      ruleDigit: string;
      ruleSymbol: string;
      button: string;
      /** The heading of a screen that ends the page (a used, revoked, expired or unknown link). */
      problemTitle: string;
      /** A way on from a problem screen, to the sign-in page or the person's domains. */
      toSignIn: string;
      toDomains: string;
    };
    /** Registration through a shared link: signed out, a form, then "check your inbox". */
    register: {
      lead(v: { inviter: string; domain: string }): string;
      /** The link's role, or that an administrator gives one after joining. */
      role(role: string): string;
      noRole: string;
      button: string;
      haveAccount: string;
      signInToJoin: string;
      /** The registration went through: the verification mail is on its way. */
      sentTitle: string;
      sent(email: string): string;
      sentHint: string;
      /** The email address is missing or malformed (checked before sending). */
      emailInvalid: string;
    };
    /** A link opened by someone signed in: they join as themselves, or switch account. */
    join: {
      signedInAs(email: string): string;
      button: string;
      otherAccount: string;
      /** An email invitation for another address than the signed-in one. */
      wrongAccount(v: { signedIn: string; invited: string }): string;
      signOutToAccept(invited: string): string;
      alreadyMember: string;
      /** The session was cut off (signed out everywhere): the page now shows the signed-out form. */
      sessionEnded: string;
    };
    /** `/verify-email`: completing a registration. */
    verify: {
      title: string;
      lead: string;
      button: string;
      doneTitle: string;
      active: string;
      pending: string;
      used: string;
      revoked: string;
      expired: string;
      notFound: string;
    };
    /** `/set-password`: the first password of a member added by hand. */
    setPassword: {
      title(domain: string): string;
      lead(v: { inviter: string; domain: string }): string;
      /** The first administrator of a stack: nobody added them. */
      leadSelf(domain: string): string;
      until(date: string): string;
      button: string;
      used: string;
      revoked: string;
      expired: string;
    };
    /** The landing after sign-in: the domains with the role in each. */
    home: {
      title(name: string): string;
      roleIn(v: { domain: string; role: string }): string;
      pending(domain: string): string;
      none: string;
      /** The link to /account. */
      account: string;
    };
    /** The landing's invite form (administrators): one address, a role, and what became of it. */
    invite: {
      title: string;
      domain: string;
      email: string;
      role: string;
      /** The role list's first entry: no role is chosen for the person (an administrator by mistake is worse than a second click). */
      chooseRole: string;
      button: string;
      invited(email: string): string;
      refreshed(email: string): string;
      alreadyMember(email: string): string;
      deliveryFailed(email: string): string;
      invalid(reason: string): string;
    };
    /** The Team and Access console (web/src/console): its pages and elements. */
    console: {
      /** The console's header: the domain switcher and the sections. */
      domain: string;
      sections: Record<ConsoleSection, string>;
      /** The caller is not a member of the domain in the address (or it does not exist). */
      notYours: string;
      members: {
        title: string;
        search: string;
        searchHint: string;
        role: string;
        allRoles: string;
        status: string;
        allStatuses: string;
        statuses: { active: string; inactive: string; pending: string };
        columns: { name: string; email: string; role: string; status: string; lastActive: string };
        never: string;
        none: string;
        next: string;
        previous: string;
      };
      /** `<gatehouse-assets>`: the domain's assets (Trackinno): search, create, edit, check out and in, reservations, by holder. */
      assets: {
        title: string;
        search: string;
        searchHint: string;
        status: string;
        allStatuses: string;
        statuses: { available: string; checked_out: string };
        location: string;
        allLocations: string;
        noLocation: string;
        holder: string;
        anyone: string;
        me: string;
        columns: { name: string; tag: string; location: string; status: string; actions: string };
        /** The status cell of an asset checked out: who holds it, since when. */
        heldBy(v: { holder: string; since: string }): string;
        none: string;
        next: string;
        previous: string;
        add: string;
        addTitle: string;
        editTitle(name: string): string;
        name: string;
        tag: string;
        save: string;
        cancel: string;
        added(name: string): string;
        saved(name: string): string;
        edit: string;
        checkout: string;
        checkin: string;
        checkedOut(name: string): string;
        checkedIn(name: string): string;
        reservations: string;
        reservationsOf(name: string): string;
        noReservations: string;
        from: string;
        to: string;
        /** Who made a reservation, after its times. */
        by(name: string): string;
        reserve: string;
        reserved(v: { from: string; to: string }): string;
        close: string;
        problems: { tagTaken: string; unknownLocation: string; checkedOut: string; notCheckedOut: string; overlaps: string; holderNotActive: string };
      };
      /** `<gatehouse-locations>`: the domain's locations (Trackinno): search, create, edit, the assets kept at each. */
      locations: {
        title: string;
        search: string;
        searchHint: string;
        columns: { name: string; description: string; assets: string; actions: string };
        none: string;
        add: string;
        addTitle: string;
        editTitle(name: string): string;
        name: string;
        description: string;
        save: string;
        cancel: string;
        added(name: string): string;
        saved(name: string): string;
        edit: string;
        /** The link to the assets kept at a location. */
        showAssets(count: number): string;
      };
    };
    /** `/forgot-password`: an email address, then the same answer whether or not an account exists. */
    forgot: {
      title: string;
      lead: string;
      email: string;
      button: string;
      /** A 400: the address is not one. */
      badEmail: string;
      sentTitle: string;
      sent(email: string): string;
      /** 429 password-reset-limit; `when` is the date and time of Retry-After. */
      limit(when: string): string;
      backToSignIn: string;
    };
    /** `/reset-password?token=`: a new password; used, expired, replaced and unknown links each a screen. */
    reset: {
      title: string;
      password: string;
      button: string;
      doneTitle: string;
      done: string;
      signIn: string;
      used: string;
      expired: string;
      replaced: string;
      notFound: string;
      /** The link to /forgot-password on each problem screen. */
      askAgain: string;
    };
    /** `/account`: profile (name, language), domains with the role in each, sign out everywhere. */
    account: {
      title: string;
      profile: string;
      email: string;
      name: string;
      /** A problem of the name field (empty, too long, more than one line). */
      nameProblem: string;
      language: string;
      languageProblem: string;
      save: string;
      saved: string;
      domains: string;
      signOutTitle: string;
      signOutLead: string;
      signOutEverywhere: string;
      back: string;
    };
    /** Problem types as sentences a person can act on. */
    problems: {
      invitationUsed: string;
      invitationRevoked: string;
      invitationExpired: string;
      notFound: string;
      accountExists: string;
      throttled: string;
      invalidInput(detail: string): string;
      emailDomainNotAllowed: string;
      /** An email invitation accepted by an account signed in with another address. */
      wrongAccount: string;
      alreadyMember: string;
      /** A registration, invitation or link changed while the request ran: send again. */
      changed: string;
      dailyEmailLimit: string;
      noToken: string;
      unreachable: string;
      unexpected(detail: string): string;
    };
  };
  /** Footer of the mail sent to a domain's administrators. */
  adminFooter(domain: string): string;
}
