/**
 * What one language says in Gatehouse's emails. Every entry is plain text: the templates
 * escape it for HTML, so a translation can never inject markup. Values arrive already
 * formatted (dates in the language's style) and flattened to one line.
 *
 * A language file exports each section as its own const (plus the whole catalogue typed as
 * Messages, which is what proves the language complete): a template imports only its own
 * section, so a function bundles only the sentences of the emails it sends.
 */
import type { EventAction, EventTargetType } from '#shared/events/catalogue.ts';
import type { RESOURCE_ACTIONS, Resource } from '#shared/permissions.ts';

/** Every action of the permission grid (SPEC section 3), across resources. */
type Action = (typeof RESOURCE_ACTIONS)[Resource][number];

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
      // ---- roles, settings, access review, history (web/src/console/roles.ts, settings.ts, access-review.ts, history.ts) ----
      /** Built-in roles read-only; custom roles edited as a permission grid (resources x actions). */
      roles: {
        title: string;
        builtIn: string;
        builtInHint: string;
        custom: string;
        noCustom: string;
        columns: { name: string; description: string; permissions: string; actions: string };
        everything: string;
        resources: Record<Resource, string>;
        actions: Record<Action, string>;
        /** A permission in the grid, for its checkbox: "Assets: check out". */
        permission(v: { resource: string; action: string }): string;
        /** Why some boxes cannot be ticked. */
        notHeld: string;
        newRole: string;
        edit(name: string): string;
        editButton(name: string): string;
        deleteButton(name: string): string;
        name: string;
        description: string;
        grid: string;
        create: string;
        save: string;
        cancel: string;
        created(name: string): string;
        saved(name: string): string;
        deleted(name: string): string;
        noneTicked: string;
        problems: { grantExceedsOwn: string; nameTaken: string; tooMany: string; builtIn: string; inUse: string; lastAdmin: string; changed: string };
      };
      /** The domain's settings, billing and branding, with a preview of an invitation email as the branding is typed. */
      settings: {
        title: string;
        general: string;
        name: string;
        defaultLanguage: string;
        languages: Record<'en' | 'fi' | 'fr' | 'sv' | 'de', string>;
        invitationValidityDays: string;
        linkValidityDaysMax: string;
        staleAfterDays: string;
        staleAfterHint: string;
        pendingRegistrationDays: string;
        accessReviewEveryDays: string;
        billing: string;
        plan: string;
        contactEmail: string;
        branding: string;
        productName: string;
        logoUrl: string;
        logoHint: string;
        primaryColor: string;
        save: string;
        saved: string;
        unchanged: string;
        /** 412: someone else saved first. */
        changed: string;
        reload: string;
        fieldProblem(v: { field: string; message: string }): string;
        preview: {
          title: string;
          note: string;
          subjectLabel: string;
          subject(v: { inviter: string; domain: string; product: string }): string;
          lead(v: { inviter: string; domain: string; product: string; role: string }): string;
          button: string;
          expiry(v: { date: string; domain: string }): string;
          ignore: string;
          sampleInviter: string;
          sampleRole: string;
        };
      };
      /** The access review: who has access, what they hold, sign-off and when the next falls due. */
      accessReview: {
        title: string;
        dueOn(date: string): string;
        overdue(date: string): string;
        lastSignOff(v: { date: string; by: string }): string;
        neverSignedOff: string;
        summary(v: { members: number; active: number; inactive: number; pending: number; stale: number; pendingInvitations: number }): string;
        members: string;
        columns: { name: string; email: string; role: string; status: string; lastActive: string; stale: string; assetsHeld: string };
        stale: string;
        notStale: string;
        never: string;
        daysInactive(days: number): string;
        pendingInvitations: string;
        invitationColumns: { email: string; role: string; expires: string };
        registrationLink: string;
        noInvitations: string;
        formerMembers: string;
        download: string;
        signOff: string;
        note: string;
        noteHint: string;
        signOffButton: string;
        signedOff(v: { date: string; next: string }): string;
      };
      /** The domain's history: newest first, filters, names instead of ids. */
      history: {
        title: string;
        actor: string;
        /** The person picker's hint: a member's name or address, then one of the suggestions. */
        actorHint: string;
        target: string;
        action: string;
        allActions: string;
        from: string;
        to: string;
        columns: { at: string; actor: string; action: string; target: string };
        actions: Record<EventAction, string>;
        /** A system actor (system:sweep, system:ttl). */
        system: string;
        unknown: string;
        targetTypes: Record<EventTargetType, string>;
        filterActor(name: string): string;
        filterTarget(name: string): string;
        clear(label: string): string;
        redacted: string;
        none: string;
        next: string;
        previous: string;
      };
      members: {
        title: string;
        search: string;
        searchHint: string;
        role: string;
        allRoles: string;
        status: string;
        allStatuses: string;
        statuses: { active: string; inactive: string; pending: string };
        columns: { name: string; email: string; role: string; status: string; lastActive: string; holds: string };
        never: string;
        none: string;
        next: string;
        previous: string;
        /** What a member holds: the assets checked out to them (0: nothing). */
        holding(count: number): string;
        /** The link to the invite section (offered with invitations:create). */
        invite: string;
      };
      /** `/domains/{id}/members/{userId}`: one member (web/src/console/member.ts). */
      member: {
        back: string;
        details: string;
        email: string;
        role: string;
        status: string;
        lastActive: string;
        joined: string;
        holds: string;
        /** The assets checked out to the member, listed under `holds`. */
        heldAssets: string;
        /** The heading of the role select and the deactivate/reactivate buttons. */
        access: string;
        changeRole: string;
        roleChanged(role: string): string;
        deactivate: string;
        deactivated: string;
        reactivate: string;
        reactivated: string;
        remove: string;
        /** Before removing: what happens, and what they still hold (count 0: nothing). */
        removeConfirm(v: { name: string; count: number }): string;
        removeYes: string;
        /** After the API refused (409 member-holds-assets): remove with ?force=true. */
        removeAnyway: string;
        cancel: string;
        removed(name: string): string;
        setPassword: string;
        setPasswordLead: string;
        /** The set-password email is queued (the outbox): on its way. */
        setPasswordQueued(v: { email: string; until: string }): string;
        /** After a 412: read the member again and say what differs. */
        reload: string;
        changedMeanwhile(changes: string): string;
        notChangedMeanwhile: string;
        /** One difference: "Role: User → Manager". */
        difference(v: { field: string; from: string; to: string }): string;
        name: string;
        history: {
          title: string;
          none: string;
          more: string;
          /** The actor of the sweeps and other automatic changes (`system:…`). */
          system: string;
          /** An actor who is no member any more (or never was: a seed). */
          formerMember: string;
          added(v: { actor: string; role: string }): string;
          activated(v: { actor: string; role: string }): string;
          roleChanged(v: { actor: string; from: string; to: string }): string;
          deactivated(actor: string): string;
          deactivatedStale: string;
          reactivated(actor: string): string;
          updated(actor: string): string;
          profileUpdated: string;
          removed(actor: string): string;
          passwordSet: string;
          setPasswordEmailSent(actor: string): string;
          registrationExpired: string;
          joined: string;
          registered: string;
          other(v: { actor: string; action: string }): string;
        };
      };
      /** `<gatehouse-invite>`: many addresses typed or pasted, or a CSV file; one sentence per address or row. */
      invite: {
        title: string;
        /** The choice between typed addresses and a file. */
        source: string;
        typed: string;
        file: string;
        emails: string;
        emailsHint: string;
        /** What the address box holds, counted as the person types. */
        counted(count: number): string;
        noEmails: string;
        /** More addresses than one request takes (50). */
        tooMany(max: number): string;
        csv: string;
        /** The file's format; `roles` lists the role ids the role column may hold. */
        csvHint(roles: string): string;
        /** Invitations from a file use the domain's validity and carry no message. */
        csvDefaults: string;
        csvRows(v: { name: string; rows: number }): string;
        csvTooMany(max: number): string;
        /** Over the CSV body's limit (64 KiB), checked before sending and answered 413 by the API. */
        csvTooBig(kib: number): string;
        csvEmpty: string;
        noFile: string;
        /** A file that cannot be read as text. */
        unreadable: string;
        role: string;
        /** The role list's first entry: no role is chosen for the people in advance. */
        chooseRole: string;
        validDays: string;
        validDaysHint: string;
        message: string;
        messageHint: string;
        button: string;
        sending: string;
        results: string;
        summary(v: { invited: number; refreshed: number; alreadyMember: number; invalid: number; queued: number; failed: number }): string;
        /** A CSV row's number, before its sentence. */
        row(row: number): string;
        /** A row without an address. */
        noAddress: string;
        /** One sentence per result status of POST …/invitations (its schema's enum). */
        outcome: {
          invited(email: string): string;
          refreshed(email: string): string;
          already_member(email: string): string;
          invalid(v: { email: string; reason: string }): string;
        };
        /** One sentence per delivery of an invited or refreshed address. */
        delivery: { queued: string; sent: string; failed: string };
        /** The API's reasons for an invalid row, in the language. */
        reasons: { email: string; duplicate: string; language: string; grant: string; suppressed: string };
        /** 400 unknown-role of a CSV: the rows whose role the domain lacks. */
        unknownRoles(v: { rows: string; roles: string }): string;
        /** The problems of the invite, invitations and links sections, each with a way forward. */
        problems: {
          roleDeleted: string;
          grantExceeds: string;
          permissionMissing: string;
          versionMismatch: string;
          gone: string;
          dailyLimit: string;
          roleRequired: string;
        };
      };
      /** `<gatehouse-invitations>`: email invitations, pending and expired, resent and revoked. */
      invitations: {
        title: string;
        status: string;
        allStatuses: string;
        statuses: { pending: string; expired: string };
        email: string;
        emailHint: string;
        columns: { email: string; role: string; status: string; delivery: string; actions: string };
        expires(date: string): string;
        expired(date: string): string;
        /** What became of the invitation's email (GET …/invitations `delivery`). */
        delivery: { queued: string; pending: string; sent: string; failed: string; delivery_failed: string; bounced: string; complained: string };
        deliveryReason(reason: string): string;
        resend: string;
        revoke: string;
        confirmRevoke(email: string): string;
        confirm: string;
        keep: string;
        resent(email: string): string;
        revoked(email: string): string;
        none: string;
        next: string;
        previous: string;
      };
      /** `<gatehouse-links>`: registration links (create, copy, uses, revoke) and pending registrations. */
      links: {
        title: string;
        createTitle: string;
        validDays: string;
        validDaysHint: string;
        maxUses: string;
        maxUsesHint: string;
        domains: string;
        domainsHint: string;
        role: string;
        /** No role on the link: registrants wait for an administrator to give one. */
        noRole: string;
        create: string;
        created: string;
        /** The new link's address, to copy. */
        url: string;
        copy: string;
        copied: string;
        /** The clipboard refused: the address is selected for the person to copy. */
        copyByHand: string;
        /** The address is shown once: the list cannot show it again. */
        onlyNow: string;
        listTitle: string;
        columns: { role: string; uses: string; domains: string; expires: string; actions: string };
        uses(v: { uses: number; maxUses: number | null }): string;
        anyDomain: string;
        pendingRole: string;
        expires(date: string): string;
        expired(date: string): string;
        revoke: string;
        confirmRevoke: string;
        confirm: string;
        keep: string;
        revoked: string;
        /** A new address for a link (its address is shown only once): the old one stops working. */
        renew: string;
        confirmRenew: string;
        confirmRenewButton: string;
        renewed: string;
        none: string;
        more: string;
        registrationsTitle: string;
        registrationsLead: string;
        registrationsNone: string;
        registered(date: string): string;
        assignRole(name: string): string;
        chooseRole: string;
        assign: string;
        assigned(v: { name: string; role: string }): string;
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
      /** The console's member page: 409 last-admin, 412 version-mismatch, 409 member-holds-assets and their kin. */
      lastAdmin: string;
      versionMismatch: string;
      memberHoldsAssets: string;
      passwordAlreadySet: string;
      grantExceedsOwn: string;
      targetExceedsOwn: string;
    };
  };
  /** Footer of the mail sent to a domain's administrators. */
  adminFooter(domain: string): string;
}
