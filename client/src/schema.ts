/**
 * Generated from client/openapi.json by openapi-typescript: do not edit.
 * Run `npm run client` to regenerate it after changing a route or a schema.
 */

export interface paths {
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Liveness: answers ok without touching any dependency
         * @description Liveness: answers ok without touching any dependency. Public: no token.
         */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The OpenAPI 3.1 document of this API, generated from the route table
         * @description The OpenAPI 3.1 document of this API, generated from the route table. Public: no token.
         */
        get: operations["getOpenApi"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/docs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * This API reference as a web page: Redoc renders /openapi.json in the browser
         * @description This API reference as a web page: Redoc renders /openapi.json in the browser. Public: no token.
         */
        get: operations["getDocs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/docs/redoc.js": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The reference page's renderer: Redoc's standalone bundle, served from the API (no CDN)
         * @description The reference page's renderer: Redoc's standalone bundle, served from the API (no CDN). Public: no token.
         */
        get: operations["getDocsScript"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller: profile and memberships with their permissions
         * @description The caller: profile and memberships with their permissions. Any signed-in user.
         */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change the caller's name or language
         * @description Change the caller's name or language. Any signed-in user.
         */
        patch: operations["patchMe"];
        trace?: never;
    };
    "/me/sign-out": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * End every session of the caller: Cognito global sign-out, and every ID token issued until now answers 401
         * @description End every session of the caller: Cognito global sign-out, and every ID token issued until now answers 401. Any signed-in user.
         */
        post: operations["signOut"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/password-resets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ask for a password reset email; the same 202 whether or not an account exists (5 per address per hour)
         * @description Ask for a password reset email; the same 202 whether or not an account exists (5 per address per hour). Public: no token.
         */
        post: operations["requestPasswordReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/password-resets/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set a new password with a reset link (single use, one hour); every session of the account ends
         * @description Set a new password with a reset link (single use, one hour); every session of the account ends. Public: no token.
         */
        post: operations["completePasswordReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/domains": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Domains the caller belongs to, with the role and status in each
         * @description Domains the caller belongs to, with the role and status in each. Any signed-in user.
         */
        get: operations["listDomains"];
        put?: never;
        /**
         * Create a domain; the calling owner becomes its first administrator
         * @description Create a domain; the calling owner becomes its first administrator. An owner of the organisation.
         */
        post: operations["createDomain"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/domains/{domainId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A domain the caller is an active or pending member of
         * @description A domain the caller is an active or pending member of. An active or pending member of the domain.
         */
        get: operations["getDomain"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/domains/{domainId}/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The domain's settings, billing contact and branding
         * @description The domain's settings, billing contact and branding. Needs settings:view in the domain.
         */
        get: operations["getSettings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change some of the domain's settings; If-Match makes it conditional
         * @description Change some of the domain's settings; If-Match makes it conditional. Needs settings:update in the domain. Send `If-Match` with the ETag you read to make the change conditional.
         */
        patch: operations["patchSettings"];
        trace?: never;
    };
    "/domains/{domainId}/roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The domain's roles: the preset's built-in ones, then custom ones by name
         * @description The domain's roles: the preset's built-in ones, then custom ones by name. Needs roles:view in the domain.
         */
        get: operations["listRoles"];
        put?: never;
        /**
         * Create a custom role from permissions the caller holds
         * @description Create a custom role from permissions the caller holds. Needs roles:manage in the domain.
         */
        post: operations["createRole"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/domains/{domainId}/roles/{roleId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete a custom role nobody holds. Built-in roles and roles in use: 409
         * @description Delete a custom role nobody holds. Built-in roles and roles in use: 409. Needs roles:manage in the domain. Send `If-Match` with the ETag you read to make the change conditional.
         */
        delete: operations["deleteRole"];
        options?: never;
        head?: never;
        /**
         * Edit a custom role; its members' next requests follow. Built-in roles: 409
         * @description Edit a custom role; its members' next requests follow. Built-in roles: 409. Needs roles:manage in the domain. Send `If-Match` with the ETag you read to make the change conditional.
         */
        patch: operations["patchRole"];
        trace?: never;
    };
    "/domains/{domainId}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The domain's members sorted by name; q searches name and email, role and status filter
         * @description The domain's members sorted by name; q searches name and email, role and status filter. Needs members:view in the domain.
         */
        get: operations["listMembers"];
        put?: never;
        /**
         * Add a member by hand: active at once; a new account gets a single-use set-password email
         * @description Add a member by hand: active at once; a new account gets a single-use set-password email. Needs members:create in the domain.
         */
        post: operations["addMember"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/domains/{domainId}/members/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One member, with its version as ETag
         * @description One member, with its version as ETag. Needs members:view in the domain.
         */
        get: operations["getMember"];
        put?: never;
        post?: never;
        /**
         * Remove a membership (history keeps the record); 409 member-holds-assets lists what they hold unless ?force=true
         * @description Remove a membership (history keeps the record); 409 member-holds-assets lists what they hold unless ?force=true. Needs members:delete in the domain. Send `If-Match` with the ETag you read to make the change conditional.
         */
        delete: operations["deleteMember"];
        options?: never;
        head?: never;
        /**
         * Change a member's role, status, name or language; a role activates a pending member
         * @description Change a member's role, status, name or language; a role activates a pending member. Needs members:update in the domain. Send `If-Match` with the ETag you read to make the change conditional.
         */
        patch: operations["patchMember"];
        trace?: never;
    };
    "/domains/{domainId}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The domain's audit events, newest first; filter by actor, target, action, from and to
         * @description The domain's audit events, newest first; filter by actor, target, action, from and to. Needs history:view in the domain.
         */
        get: operations["listHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/domains/{domainId}/access-review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every member with role, status, inactivity and staleness, pending invitations and the review schedule; ?format=csv downloads it
         * @description Every member with role, status, inactivity and staleness, pending invitations and the review schedule; ?format=csv downloads it. Needs members:view and history:view in the domain.
         */
        get: operations["getAccessReview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/domains/{domainId}/access-review/sign-off": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record who reviewed the access list and when; the next review falls due accessReviewEveryDays later
         * @description Record who reviewed the access list and when; the next review falls due accessReviewEveryDays later. Needs members:update in the domain.
         */
        post: operations["signOffAccessReview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/domains/{domainId}/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Email invitations and links, pending or expired (expired ones stay 30 days); filter kind, status, email
         * @description Email invitations and links, pending or expired (expired ones stay 30 days); filter kind, status, email. Needs invitations:view in the domain.
         */
        get: operations["listInvitations"];
        put?: never;
        /**
         * Invite up to 50 addresses with one role, or up to 500 rows of a text/csv body (email,role,language); one result per address
         * @description Invite up to 50 addresses with one role, or up to 500 rows of a text/csv body (email,role,language); one result per address. Needs invitations:create in the domain.
         */
        post: operations["createInvitations"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/domains/{domainId}/invitations/{invitationId}/resend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A new token and a fresh expiry, also for an expired invitation; the old link dies at once
         * @description A new token and a fresh expiry, also for an expired invitation; the old link dies at once. Needs invitations:create in the domain.
         */
        post: operations["resendInvitation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/domains/{domainId}/invitations/{invitationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke an email invitation or a link: it answers 410 revoked from now on
         * @description Revoke an email invitation or a link: it answers 410 revoked from now on. Needs invitations:delete in the domain.
         */
        delete: operations["revokeInvitation"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/domains/{domainId}/invite-links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A shareable registration link; its registrants are pending unless it carries a (non-admin) role
         * @description A shareable registration link; its registrants are pending unless it carries a (non-admin) role. Needs invitations:create in the domain.
         */
        post: operations["createInviteLink"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/invitations/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What a link is for: domain, inviter, email and role, expiry; 410 if used, revoked or expired
         * @description What a link is for: domain, inviter, email and role, expiry; 410 if used, revoked or expired. Public: no token.
         */
        get: operations["previewInvitation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/invitations/{token}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accept an invitation or set a first password (201); signed in, just join (201); register through a link signed out: 202, a verification email goes out first (the same answer when the address has an account)
         * @description Accept an invitation or set a first password (201); signed in, just join (201); register through a link signed out: 202, a verification email goes out first (the same answer when the address has an account). Public; an ID token, when sent, acts for that account.
         */
        post: operations["acceptInvitation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/email-verifications/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Complete a link registration from its emailed verification link: the link's uses count here; 410 used, expired or replaced
         * @description Complete a link registration from its emailed verification link: the link's uses count here; 410 used, expired or replaced. Public: no token.
         */
        post: operations["verifyEmail"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/domains/{domainId}/members/{userId}/set-password-email": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Queue a new set-password email for a member whose account has no password yet; the earlier link dies at once; 409 password-already-set
         * @description Queue a new set-password email for a member whose account has no password yet; the earlier link dies at once; 409 password-already-set. Needs members:create in the domain.
         */
        post: operations["sendSetPasswordEmail"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/domains/{domainId}/locations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The domain's locations sorted by name, each with the number of assets kept there
         * @description The domain's locations sorted by name, each with the number of assets kept there. Needs locations:view in the domain.
         */
        get: operations["listLocations"];
        put?: never;
        /**
         * Create a location
         * @description Create a location. Needs locations:create in the domain.
         */
        post: operations["createLocation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/domains/{domainId}/locations/{locationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete a location; one that still has assets: 409 naming how many
         * @description Delete a location; one that still has assets: 409 naming how many. Needs locations:delete in the domain. Send `If-Match` with the ETag you read to make the change conditional.
         */
        delete: operations["deleteLocation"];
        options?: never;
        head?: never;
        /**
         * Change a location's name or description; If-Match makes it conditional
         * @description Change a location's name or description; If-Match makes it conditional. Needs locations:update in the domain. Send `If-Match` with the ETag you read to make the change conditional.
         */
        patch: operations["patchLocation"];
        trace?: never;
    };
    "/domains/{domainId}/assets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The domain's assets sorted by name; q searches name and tag; locationId, holderId and status filter
         * @description The domain's assets sorted by name; q searches name and tag; locationId, holderId and status filter. Needs assets:view in the domain.
         */
        get: operations["listAssets"];
        put?: never;
        /**
         * Create an asset; its tag must be free in the domain (409) and its location must exist (409)
         * @description Create an asset; its tag must be free in the domain (409) and its location must exist (409). Needs assets:create in the domain.
         */
        post: operations["createAsset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/domains/{domainId}/assets/{assetId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One asset, with its version as ETag
         * @description One asset, with its version as ETag. Needs assets:view in the domain.
         */
        get: operations["getAsset"];
        put?: never;
        post?: never;
        /**
         * Delete an asset; 409 while it is checked out
         * @description Delete an asset; 409 while it is checked out. Needs assets:delete in the domain. Send `If-Match` with the ETag you read to make the change conditional.
         */
        delete: operations["deleteAsset"];
        options?: never;
        head?: never;
        /**
         * Change an asset's name, tag or location; If-Match makes it conditional
         * @description Change an asset's name, tag or location; If-Match makes it conditional. Needs assets:update in the domain. Send `If-Match` with the ETag you read to make the change conditional.
         */
        patch: operations["patchAsset"];
        trace?: never;
    };
    "/domains/{domainId}/assets/{assetId}/checkout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check an asset out to the caller, or to another active member (needs assets:update too); 409 if it is out already
         * @description Check an asset out to the caller, or to another active member (needs assets:update too); 409 if it is out already. Needs assets:checkout in the domain. Send `If-Match` with the ETag you read to make the change conditional.
         */
        post: operations["checkoutAsset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/domains/{domainId}/assets/{assetId}/checkin": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check an asset in, clearing its holder: by the holder, or by anyone who also holds assets:update
         * @description Check an asset in, clearing its holder: by the holder, or by anyone who also holds assets:update. Needs assets:checkin in the domain. Send `If-Match` with the ETag you read to make the change conditional.
         */
        post: operations["checkinAsset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/domains/{domainId}/assets/{assetId}/reservations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An asset's reservations by start time
         * @description An asset's reservations by start time. Needs assets:view in the domain.
         */
        get: operations["listReservations"];
        put?: never;
        /**
         * Reserve an asset for [from, to); 409 when it overlaps another reservation of the asset
         * @description Reserve an asset for [from, to); 409 when it overlaps another reservation of the asset. Needs assets:reserve in the domain.
         */
        post: operations["createReservation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/domains/{domainId}/members/{userId}/assets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The assets a user holds, from the holder index; still listed after the member is deactivated or removed
         * @description The assets a user holds, from the holder index; still listed after the member is deactivated or removed. Needs assets:view in the domain.
         */
        get: operations["listMemberAssets"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description An RFC 9457 problem. `type` names the problem (the catalogue in x-gatehouse-problems says what each means and what to do). */
        Problem: {
            type: components["schemas"]["ProblemType"];
            title: string;
            status: number;
            /** @description A sentence a person can act on. */
            detail: string;
            /** @description With invalid-input and unknown-role: each offending field (`body.email`, `query.limit`, `csv.row 3.role`) and what it must be. */
            errors?: {
                path: string;
                message: string;
            }[];
            /** @description With member-holds-assets: the assets the member still holds. */
            assetsHeld?: {
                id: string;
                name: string;
                tag: string;
            }[];
            /** @description With 5xx: the id to report to the operator. */
            requestId?: string;
        };
        /**
         * @description Every problem type this API answers.
         * @enum {string}
         */
        ProblemType: "https://gatehouse.dev/problems/invalid-input" | "https://gatehouse.dev/problems/unknown-role" | "https://gatehouse.dev/problems/bad-request" | "https://gatehouse.dev/problems/unauthorized" | "https://gatehouse.dev/problems/forbidden" | "https://gatehouse.dev/problems/permission-missing" | "https://gatehouse.dev/problems/membership-inactive" | "https://gatehouse.dev/problems/membership-pending" | "https://gatehouse.dev/problems/owner-required" | "https://gatehouse.dev/problems/grant-exceeds-own" | "https://gatehouse.dev/problems/target-exceeds-own" | "https://gatehouse.dev/problems/email-domain-not-allowed" | "https://gatehouse.dev/problems/wrong-account" | "https://gatehouse.dev/problems/not-found" | "https://gatehouse.dev/problems/method-not-allowed" | "https://gatehouse.dev/problems/conflict" | "https://gatehouse.dev/problems/busy" | "https://gatehouse.dev/problems/account-exists" | "https://gatehouse.dev/problems/account-changed" | "https://gatehouse.dev/problems/already-exists" | "https://gatehouse.dev/problems/already-member" | "https://gatehouse.dev/problems/registration-changed" | "https://gatehouse.dev/problems/invitation-changed" | "https://gatehouse.dev/problems/password-already-set" | "https://gatehouse.dev/problems/last-admin" | "https://gatehouse.dev/problems/role-required" | "https://gatehouse.dev/problems/role-in-use" | "https://gatehouse.dev/problems/role-name-taken" | "https://gatehouse.dev/problems/built-in-role" | "https://gatehouse.dev/problems/too-many-roles" | "https://gatehouse.dev/problems/member-holds-assets" | "https://gatehouse.dev/problems/asset-checked-out" | "https://gatehouse.dev/problems/asset-not-checked-out" | "https://gatehouse.dev/problems/holder-not-active" | "https://gatehouse.dev/problems/reservation-overlaps" | "https://gatehouse.dev/problems/tag-taken" | "https://gatehouse.dev/problems/unknown-location" | "https://gatehouse.dev/problems/invitation-role-deleted" | "https://gatehouse.dev/problems/location-not-empty" | "https://gatehouse.dev/problems/invitation-used" | "https://gatehouse.dev/problems/invitation-revoked" | "https://gatehouse.dev/problems/invitation-expired" | "https://gatehouse.dev/problems/reset-link-used" | "https://gatehouse.dev/problems/reset-link-expired" | "https://gatehouse.dev/problems/reset-link-replaced" | "https://gatehouse.dev/problems/version-mismatch" | "https://gatehouse.dev/problems/payload-too-large" | "https://gatehouse.dev/problems/unsupported-media-type" | "https://gatehouse.dev/problems/throttled" | "https://gatehouse.dev/problems/daily-email-limit" | "https://gatehouse.dev/problems/password-reset-limit" | "https://gatehouse.dev/problems/internal" | "https://gatehouse.dev/problems/bad-gateway" | "https://gatehouse.dev/problems/gateway-timeout";
    };
    responses: {
        /** @description Conflict: account-exists, already-member, registration-changed, invitation-changed, conflict (see x-gatehouse-problems) */
        AccountExistsOrAlreadyMemberOrRegistrationChangedOrInvitationChangedOrConflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://gatehouse.dev/problems/account-exists",
                 *       "title": "Conflict",
                 *       "status": 409,
                 *       "detail": "The address has an account already, so the link cannot create one."
                 *     }
                 */
                "application/problem+json": {
                    /** @enum {unknown} */
                    type?: "https://gatehouse.dev/problems/account-exists" | "https://gatehouse.dev/problems/already-member" | "https://gatehouse.dev/problems/registration-changed" | "https://gatehouse.dev/problems/invitation-changed" | "https://gatehouse.dev/problems/conflict";
                } & components["schemas"]["Problem"];
            };
        };
        /** @description Conflict: already-member, account-changed, conflict (see x-gatehouse-problems) */
        AlreadyMemberOrAccountChangedOrConflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://gatehouse.dev/problems/already-member",
                 *       "title": "Conflict",
                 *       "status": 409,
                 *       "detail": "The person is a member of the domain already."
                 *     }
                 */
                "application/problem+json": {
                    /** @enum {unknown} */
                    type?: "https://gatehouse.dev/problems/already-member" | "https://gatehouse.dev/problems/account-changed" | "https://gatehouse.dev/problems/conflict";
                } & components["schemas"]["Problem"];
            };
        };
        /** @description Conflict: already-member, registration-changed, invitation-changed, conflict (see x-gatehouse-problems) */
        AlreadyMemberOrRegistrationChangedOrInvitationChangedOrConflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://gatehouse.dev/problems/already-member",
                 *       "title": "Conflict",
                 *       "status": 409,
                 *       "detail": "The person is a member of the domain already."
                 *     }
                 */
                "application/problem+json": {
                    /** @enum {unknown} */
                    type?: "https://gatehouse.dev/problems/already-member" | "https://gatehouse.dev/problems/registration-changed" | "https://gatehouse.dev/problems/invitation-changed" | "https://gatehouse.dev/problems/conflict";
                } & components["schemas"]["Problem"];
            };
        };
        /** @description Conflict: asset-checked-out, busy (see x-gatehouse-problems) */
        AssetCheckedOutOrBusy: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://gatehouse.dev/problems/asset-checked-out",
                 *       "title": "Conflict",
                 *       "status": 409,
                 *       "detail": "The asset is checked out to someone already."
                 *     }
                 */
                "application/problem+json": {
                    /** @enum {unknown} */
                    type?: "https://gatehouse.dev/problems/asset-checked-out" | "https://gatehouse.dev/problems/busy";
                } & components["schemas"]["Problem"];
            };
        };
        /** @description Conflict: asset-checked-out, holder-not-active, busy (see x-gatehouse-problems) */
        AssetCheckedOutOrHolderNotActiveOrBusy: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://gatehouse.dev/problems/asset-checked-out",
                 *       "title": "Conflict",
                 *       "status": 409,
                 *       "detail": "The asset is checked out to someone already."
                 *     }
                 */
                "application/problem+json": {
                    /** @enum {unknown} */
                    type?: "https://gatehouse.dev/problems/asset-checked-out" | "https://gatehouse.dev/problems/holder-not-active" | "https://gatehouse.dev/problems/busy";
                } & components["schemas"]["Problem"];
            };
        };
        /** @description Conflict: asset-not-checked-out, busy (see x-gatehouse-problems) */
        AssetNotCheckedOutOrBusy: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://gatehouse.dev/problems/asset-not-checked-out",
                 *       "title": "Conflict",
                 *       "status": 409,
                 *       "detail": "The asset is not checked out, so it cannot be checked in."
                 *     }
                 */
                "application/problem+json": {
                    /** @enum {unknown} */
                    type?: "https://gatehouse.dev/problems/asset-not-checked-out" | "https://gatehouse.dev/problems/busy";
                } & components["schemas"]["Problem"];
            };
        };
        /** @description Bad gateway: bad-gateway (see x-gatehouse-problems) */
        BadGateway: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://gatehouse.dev/problems/bad-gateway",
                 *       "title": "Bad gateway",
                 *       "status": 502,
                 *       "detail": "The function failed or gave no valid response (API Gateway answered for it).",
                 *       "requestId": "c0ffee00-1234-4abc-8def-0123456789ab"
                 *     }
                 */
                "application/problem+json": {
                    /** @enum {unknown} */
                    type?: "https://gatehouse.dev/problems/bad-gateway";
                } & components["schemas"]["Problem"];
            };
        };
        /** @description Conflict: built-in-role, role-in-use, busy (see x-gatehouse-problems) */
        BuiltInRoleOrRoleInUseOrBusy: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://gatehouse.dev/problems/built-in-role",
                 *       "title": "Conflict",
                 *       "status": 409,
                 *       "detail": "Built-in roles cannot be edited or deleted."
                 *     }
                 */
                "application/problem+json": {
                    /** @enum {unknown} */
                    type?: "https://gatehouse.dev/problems/built-in-role" | "https://gatehouse.dev/problems/role-in-use" | "https://gatehouse.dev/problems/busy";
                } & components["schemas"]["Problem"];
            };
        };
        /** @description Conflict: built-in-role, role-name-taken, last-admin, busy (see x-gatehouse-problems) */
        BuiltInRoleOrRoleNameTakenOrLastAdminOrBusy: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://gatehouse.dev/problems/built-in-role",
                 *       "title": "Conflict",
                 *       "status": 409,
                 *       "detail": "Built-in roles cannot be edited or deleted."
                 *     }
                 */
                "application/problem+json": {
                    /** @enum {unknown} */
                    type?: "https://gatehouse.dev/problems/built-in-role" | "https://gatehouse.dev/problems/role-name-taken" | "https://gatehouse.dev/problems/last-admin" | "https://gatehouse.dev/problems/busy";
                } & components["schemas"]["Problem"];
            };
        };
        /** @description Conflict: busy (see x-gatehouse-problems) */
        Busy: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://gatehouse.dev/problems/busy",
                 *       "title": "Conflict",
                 *       "status": 409,
                 *       "detail": "Other changes to the same domain kept getting in the way of this one, five times in a row."
                 *     }
                 */
                "application/problem+json": {
                    /** @enum {unknown} */
                    type?: "https://gatehouse.dev/problems/busy";
                } & components["schemas"]["Problem"];
            };
        };
        /** @description Conflict: conflict (see x-gatehouse-problems) */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://gatehouse.dev/problems/conflict",
                 *       "title": "Conflict",
                 *       "status": 409,
                 *       "detail": "A generated id collided with an existing one (very rare)."
                 *     }
                 */
                "application/problem+json": {
                    /** @enum {unknown} */
                    type?: "https://gatehouse.dev/problems/conflict";
                } & components["schemas"]["Problem"];
            };
        };
        /** @description Too many invitation emails today: daily-email-limit, throttled (see x-gatehouse-problems) */
        DailyEmailLimitOrThrottled: {
            headers: {
                /** @description Seconds to wait before trying again. */
                "Retry-After": string;
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://gatehouse.dev/problems/daily-email-limit",
                 *       "title": "Too many invitation emails today",
                 *       "status": 429,
                 *       "detail": "The domain would go past its daily limit of invitation emails."
                 *     }
                 */
                "application/problem+json": {
                    /** @enum {unknown} */
                    type?: "https://gatehouse.dev/problems/daily-email-limit" | "https://gatehouse.dev/problems/throttled";
                } & components["schemas"]["Problem"];
            };
        };
        /** @description Gateway timeout: gateway-timeout (see x-gatehouse-problems) */
        GatewayTimeout: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://gatehouse.dev/problems/gateway-timeout",
                 *       "title": "Gateway timeout",
                 *       "status": 504,
                 *       "detail": "The function did not answer within API Gateway's 29 seconds.",
                 *       "requestId": "c0ffee00-1234-4abc-8def-0123456789ab"
                 *     }
                 */
                "application/problem+json": {
                    /** @enum {unknown} */
                    type?: "https://gatehouse.dev/problems/gateway-timeout";
                } & components["schemas"]["Problem"];
            };
        };
        /** @description Internal error: internal (see x-gatehouse-problems) */
        Internal: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://gatehouse.dev/problems/internal",
                 *       "title": "Internal error",
                 *       "status": 500,
                 *       "detail": "Something failed on the server side. The body carries `requestId`.",
                 *       "requestId": "c0ffee00-1234-4abc-8def-0123456789ab"
                 *     }
                 */
                "application/problem+json": {
                    /** @enum {unknown} */
                    type?: "https://gatehouse.dev/problems/internal";
                } & components["schemas"]["Problem"];
            };
        };
        /** @description Invalid input: invalid-input (see x-gatehouse-problems) */
        InvalidInput: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://gatehouse.dev/problems/invalid-input",
                 *       "title": "Invalid input",
                 *       "status": 400,
                 *       "detail": "A path parameter, query parameter, header or body field is missing or malformed. `errors` lists each one with its path (`body.email`, `query.limit`) and what it must be.",
                 *       "errors": [
                 *         {
                 *           "path": "body.email",
                 *           "message": "must be an email address"
                 *         }
                 *       ]
                 *     }
                 */
                "application/problem+json": {
                    /** @enum {unknown} */
                    type?: "https://gatehouse.dev/problems/invalid-input";
                } & components["schemas"]["Problem"];
            };
        };
        /** @description Invalid input: invalid-input, unknown-role (see x-gatehouse-problems) */
        InvalidInputOrUnknownRole: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://gatehouse.dev/problems/invalid-input",
                 *       "title": "Invalid input",
                 *       "status": 400,
                 *       "detail": "A path parameter, query parameter, header or body field is missing or malformed. `errors` lists each one with its path (`body.email`, `query.limit`) and what it must be.",
                 *       "errors": [
                 *         {
                 *           "path": "body.email",
                 *           "message": "must be an email address"
                 *         }
                 *       ]
                 *     }
                 */
                "application/problem+json": {
                    /** @enum {unknown} */
                    type?: "https://gatehouse.dev/problems/invalid-input" | "https://gatehouse.dev/problems/unknown-role";
                } & components["schemas"]["Problem"];
            };
        };
        /** @description Conflict: invitation-role-deleted, busy (see x-gatehouse-problems) */
        InvitationRoleDeletedOrBusy: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://gatehouse.dev/problems/invitation-role-deleted",
                 *       "title": "Conflict",
                 *       "status": 409,
                 *       "detail": "The invitation's role was deleted after it was sent, so it cannot be resent as it is."
                 *     }
                 */
                "application/problem+json": {
                    /** @enum {unknown} */
                    type?: "https://gatehouse.dev/problems/invitation-role-deleted" | "https://gatehouse.dev/problems/busy";
                } & components["schemas"]["Problem"];
            };
        };
        /** @description Invitation used: invitation-used, invitation-revoked, invitation-expired (see x-gatehouse-problems) */
        InvitationUsedOrInvitationRevokedOrInvitationExpired: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://gatehouse.dev/problems/invitation-used",
                 *       "title": "Invitation used",
                 *       "status": 410,
                 *       "detail": "The link has been used already (or a registration link reached its maximum uses)."
                 *     }
                 */
                "application/problem+json": {
                    /** @enum {unknown} */
                    type?: "https://gatehouse.dev/problems/invitation-used" | "https://gatehouse.dev/problems/invitation-revoked" | "https://gatehouse.dev/problems/invitation-expired";
                } & components["schemas"]["Problem"];
            };
        };
        /** @description Conflict: last-admin, member-holds-assets, busy (see x-gatehouse-problems) */
        LastAdminOrMemberHoldsAssetsOrBusy: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://gatehouse.dev/problems/last-admin",
                 *       "title": "Conflict",
                 *       "status": 409,
                 *       "detail": "The change would leave the domain without an active administrator."
                 *     }
                 */
                "application/problem+json": {
                    /** @enum {unknown} */
                    type?: "https://gatehouse.dev/problems/last-admin" | "https://gatehouse.dev/problems/member-holds-assets" | "https://gatehouse.dev/problems/busy";
                } & components["schemas"]["Problem"];
            };
        };
        /** @description Conflict: location-not-empty, busy (see x-gatehouse-problems) */
        LocationNotEmptyOrBusy: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://gatehouse.dev/problems/location-not-empty",
                 *       "title": "Conflict",
                 *       "status": 409,
                 *       "detail": "Assets are still kept at the location."
                 *     }
                 */
                "application/problem+json": {
                    /** @enum {unknown} */
                    type?: "https://gatehouse.dev/problems/location-not-empty" | "https://gatehouse.dev/problems/busy";
                } & components["schemas"]["Problem"];
            };
        };
        /** @description Forbidden: membership-inactive (see x-gatehouse-problems) */
        MembershipInactive: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://gatehouse.dev/problems/membership-inactive",
                 *       "title": "Forbidden",
                 *       "status": 403,
                 *       "detail": "The caller's membership in the domain is deactivated."
                 *     }
                 */
                "application/problem+json": {
                    /** @enum {unknown} */
                    type?: "https://gatehouse.dev/problems/membership-inactive";
                } & components["schemas"]["Problem"];
            };
        };
        /** @description Forbidden: membership-inactive, membership-pending, permission-missing (see x-gatehouse-problems) */
        MembershipInactiveOrMembershipPendingOrPermissionMissing: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://gatehouse.dev/problems/membership-inactive",
                 *       "title": "Forbidden",
                 *       "status": 403,
                 *       "detail": "The caller's membership in the domain is deactivated."
                 *     }
                 */
                "application/problem+json": {
                    /** @enum {unknown} */
                    type?: "https://gatehouse.dev/problems/membership-inactive" | "https://gatehouse.dev/problems/membership-pending" | "https://gatehouse.dev/problems/permission-missing";
                } & components["schemas"]["Problem"];
            };
        };
        /** @description Forbidden: membership-inactive, membership-pending, permission-missing, grant-exceeds-own (see x-gatehouse-problems) */
        MembershipInactiveOrMembershipPendingOrPermissionMissingOrGrantExceedsOwn: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://gatehouse.dev/problems/membership-inactive",
                 *       "title": "Forbidden",
                 *       "status": 403,
                 *       "detail": "The caller's membership in the domain is deactivated."
                 *     }
                 */
                "application/problem+json": {
                    /** @enum {unknown} */
                    type?: "https://gatehouse.dev/problems/membership-inactive" | "https://gatehouse.dev/problems/membership-pending" | "https://gatehouse.dev/problems/permission-missing" | "https://gatehouse.dev/problems/grant-exceeds-own";
                } & components["schemas"]["Problem"];
            };
        };
        /** @description Forbidden: membership-inactive, membership-pending, permission-missing, grant-exceeds-own, target-exceeds-own (see x-gatehouse-problems) */
        MembershipInactiveOrMembershipPendingOrPermissionMissingOrGrantExceedsOwnOrTargetExceedsOwn: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://gatehouse.dev/problems/membership-inactive",
                 *       "title": "Forbidden",
                 *       "status": 403,
                 *       "detail": "The caller's membership in the domain is deactivated."
                 *     }
                 */
                "application/problem+json": {
                    /** @enum {unknown} */
                    type?: "https://gatehouse.dev/problems/membership-inactive" | "https://gatehouse.dev/problems/membership-pending" | "https://gatehouse.dev/problems/permission-missing" | "https://gatehouse.dev/problems/grant-exceeds-own" | "https://gatehouse.dev/problems/target-exceeds-own";
                } & components["schemas"]["Problem"];
            };
        };
        /** @description Forbidden: membership-inactive, membership-pending, permission-missing, target-exceeds-own (see x-gatehouse-problems) */
        MembershipInactiveOrMembershipPendingOrPermissionMissingOrTargetExceedsOwn: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://gatehouse.dev/problems/membership-inactive",
                 *       "title": "Forbidden",
                 *       "status": 403,
                 *       "detail": "The caller's membership in the domain is deactivated."
                 *     }
                 */
                "application/problem+json": {
                    /** @enum {unknown} */
                    type?: "https://gatehouse.dev/problems/membership-inactive" | "https://gatehouse.dev/problems/membership-pending" | "https://gatehouse.dev/problems/permission-missing" | "https://gatehouse.dev/problems/target-exceeds-own";
                } & components["schemas"]["Problem"];
            };
        };
        /** @description Not found: not-found (see x-gatehouse-problems) */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://gatehouse.dev/problems/not-found",
                 *       "title": "Not found",
                 *       "status": 404,
                 *       "detail": "No such resource, or none the caller may know of: a domain the caller does not belong to answers the same as one that does not exist."
                 *     }
                 */
                "application/problem+json": {
                    /** @enum {unknown} */
                    type?: "https://gatehouse.dev/problems/not-found";
                } & components["schemas"]["Problem"];
            };
        };
        /** @description Forbidden: owner-required (see x-gatehouse-problems) */
        OwnerRequired: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://gatehouse.dev/problems/owner-required",
                 *       "title": "Forbidden",
                 *       "status": 403,
                 *       "detail": "Only an owner of the organisation (the customer) may do this."
                 *     }
                 */
                "application/problem+json": {
                    /** @enum {unknown} */
                    type?: "https://gatehouse.dev/problems/owner-required";
                } & components["schemas"]["Problem"];
            };
        };
        /** @description Conflict: password-already-set, account-changed, conflict (see x-gatehouse-problems) */
        PasswordAlreadySetOrAccountChangedOrConflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://gatehouse.dev/problems/password-already-set",
                 *       "title": "Conflict",
                 *       "status": 409,
                 *       "detail": "The member has set a password already, so no set-password email is needed."
                 *     }
                 */
                "application/problem+json": {
                    /** @enum {unknown} */
                    type?: "https://gatehouse.dev/problems/password-already-set" | "https://gatehouse.dev/problems/account-changed" | "https://gatehouse.dev/problems/conflict";
                } & components["schemas"]["Problem"];
            };
        };
        /** @description Too many password reset requests: password-reset-limit, throttled (see x-gatehouse-problems) */
        PasswordResetLimitOrThrottled: {
            headers: {
                /** @description Seconds to wait before trying again. */
                "Retry-After": string;
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://gatehouse.dev/problems/password-reset-limit",
                 *       "title": "Too many password reset requests",
                 *       "status": 429,
                 *       "detail": "Too many reset emails went to this address in the last hour."
                 *     }
                 */
                "application/problem+json": {
                    /** @enum {unknown} */
                    type?: "https://gatehouse.dev/problems/password-reset-limit" | "https://gatehouse.dev/problems/throttled";
                } & components["schemas"]["Problem"];
            };
        };
        /** @description Payload too large: payload-too-large (see x-gatehouse-problems) */
        PayloadTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://gatehouse.dev/problems/payload-too-large",
                 *       "title": "Payload too large",
                 *       "status": 413,
                 *       "detail": "The body is larger than the route takes (16 KiB of JSON, 64 KiB of CSV)."
                 *     }
                 */
                "application/problem+json": {
                    /** @enum {unknown} */
                    type?: "https://gatehouse.dev/problems/payload-too-large";
                } & components["schemas"]["Problem"];
            };
        };
        /** @description Conflict: reservation-overlaps, busy (see x-gatehouse-problems) */
        ReservationOverlapsOrBusy: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://gatehouse.dev/problems/reservation-overlaps",
                 *       "title": "Conflict",
                 *       "status": 409,
                 *       "detail": "The asset is reserved for part of the requested time."
                 *     }
                 */
                "application/problem+json": {
                    /** @enum {unknown} */
                    type?: "https://gatehouse.dev/problems/reservation-overlaps" | "https://gatehouse.dev/problems/busy";
                } & components["schemas"]["Problem"];
            };
        };
        /** @description Reset link used: reset-link-used, reset-link-expired, reset-link-replaced (see x-gatehouse-problems) */
        ResetLinkUsedOrResetLinkExpiredOrResetLinkReplaced: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://gatehouse.dev/problems/reset-link-used",
                 *       "title": "Reset link used",
                 *       "status": 410,
                 *       "detail": "The password reset link has been used already."
                 *     }
                 */
                "application/problem+json": {
                    /** @enum {unknown} */
                    type?: "https://gatehouse.dev/problems/reset-link-used" | "https://gatehouse.dev/problems/reset-link-expired" | "https://gatehouse.dev/problems/reset-link-replaced";
                } & components["schemas"]["Problem"];
            };
        };
        /** @description Conflict: role-name-taken, too-many-roles, busy (see x-gatehouse-problems) */
        RoleNameTakenOrTooManyRolesOrBusy: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://gatehouse.dev/problems/role-name-taken",
                 *       "title": "Conflict",
                 *       "status": 409,
                 *       "detail": "Another role of the domain has this name."
                 *     }
                 */
                "application/problem+json": {
                    /** @enum {unknown} */
                    type?: "https://gatehouse.dev/problems/role-name-taken" | "https://gatehouse.dev/problems/too-many-roles" | "https://gatehouse.dev/problems/busy";
                } & components["schemas"]["Problem"];
            };
        };
        /** @description Conflict: role-required, last-admin, busy (see x-gatehouse-problems) */
        RoleRequiredOrLastAdminOrBusy: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://gatehouse.dev/problems/role-required",
                 *       "title": "Conflict",
                 *       "status": 409,
                 *       "detail": "A pending member becomes active only with a role."
                 *     }
                 */
                "application/problem+json": {
                    /** @enum {unknown} */
                    type?: "https://gatehouse.dev/problems/role-required" | "https://gatehouse.dev/problems/last-admin" | "https://gatehouse.dev/problems/busy";
                } & components["schemas"]["Problem"];
            };
        };
        /** @description Conflict: tag-taken, unknown-location, busy (see x-gatehouse-problems) */
        TagTakenOrUnknownLocationOrBusy: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://gatehouse.dev/problems/tag-taken",
                 *       "title": "Conflict",
                 *       "status": 409,
                 *       "detail": "Another asset of the domain has this tag, whatever its case."
                 *     }
                 */
                "application/problem+json": {
                    /** @enum {unknown} */
                    type?: "https://gatehouse.dev/problems/tag-taken" | "https://gatehouse.dev/problems/unknown-location" | "https://gatehouse.dev/problems/busy";
                } & components["schemas"]["Problem"];
            };
        };
        /** @description Conflict: tag-taken, unknown-location, conflict, busy (see x-gatehouse-problems) */
        TagTakenOrUnknownLocationOrConflictOrBusy: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://gatehouse.dev/problems/tag-taken",
                 *       "title": "Conflict",
                 *       "status": 409,
                 *       "detail": "Another asset of the domain has this tag, whatever its case."
                 *     }
                 */
                "application/problem+json": {
                    /** @enum {unknown} */
                    type?: "https://gatehouse.dev/problems/tag-taken" | "https://gatehouse.dev/problems/unknown-location" | "https://gatehouse.dev/problems/conflict" | "https://gatehouse.dev/problems/busy";
                } & components["schemas"]["Problem"];
            };
        };
        /** @description Too many requests: throttled (see x-gatehouse-problems) */
        Throttled: {
            headers: {
                /** @description Seconds to wait before trying again. */
                "Retry-After": string;
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://gatehouse.dev/problems/throttled",
                 *       "title": "Too many requests",
                 *       "status": 429,
                 *       "detail": "API Gateway is answering more requests than the stack's throttling limit allows."
                 *     }
                 */
                "application/problem+json": {
                    /** @enum {unknown} */
                    type?: "https://gatehouse.dev/problems/throttled";
                } & components["schemas"]["Problem"];
            };
        };
        /** @description Unauthorized: unauthorized (see x-gatehouse-problems) */
        Unauthorized: {
            headers: {
                /** @description Names the scheme that works: `Bearer`. */
                "WWW-Authenticate": string;
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://gatehouse.dev/problems/unauthorized",
                 *       "title": "Unauthorized",
                 *       "status": 401,
                 *       "detail": "The request has no ID token, or one that is expired, forged, from another pool, or issued before the user signed out everywhere."
                 *     }
                 */
                "application/problem+json": {
                    /** @enum {unknown} */
                    type?: "https://gatehouse.dev/problems/unauthorized";
                } & components["schemas"]["Problem"];
            };
        };
        /** @description Unsupported media type: unsupported-media-type (see x-gatehouse-problems) */
        UnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://gatehouse.dev/problems/unsupported-media-type",
                 *       "title": "Unsupported media type",
                 *       "status": 415,
                 *       "detail": "The body is not in a media type the route takes (application/json; text/csv where documented)."
                 *     }
                 */
                "application/problem+json": {
                    /** @enum {unknown} */
                    type?: "https://gatehouse.dev/problems/unsupported-media-type";
                } & components["schemas"]["Problem"];
            };
        };
        /** @description Version mismatch: version-mismatch (see x-gatehouse-problems) */
        VersionMismatch: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://gatehouse.dev/problems/version-mismatch",
                 *       "title": "Version mismatch",
                 *       "status": 412,
                 *       "detail": "The resource changed since the client read it: the `If-Match` ETag names an older version."
                 *     }
                 */
                "application/problem+json": {
                    /** @enum {unknown} */
                    type?: "https://gatehouse.dev/problems/version-mismatch";
                } & components["schemas"]["Problem"];
            };
        };
        /** @description Forbidden: wrong-account, email-domain-not-allowed (see x-gatehouse-problems) */
        WrongAccountOrEmailDomainNotAllowed: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://gatehouse.dev/problems/wrong-account",
                 *       "title": "Forbidden",
                 *       "status": 403,
                 *       "detail": "The invitation was sent to another address than the signed-in account's."
                 *     }
                 */
                "application/problem+json": {
                    /** @enum {unknown} */
                    type?: "https://gatehouse.dev/problems/wrong-account" | "https://gatehouse.dev/problems/email-domain-not-allowed";
                } & components["schemas"]["Problem"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "ok"
                     *     }
                     */
                    "application/json": {
                        /** @constant */
                        status: "ok";
                    };
                };
            };
            400: components["responses"]["InvalidInput"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            502: components["responses"]["BadGateway"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    getOpenApi: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example {} */
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            400: components["responses"]["InvalidInput"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            502: components["responses"]["BadGateway"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    getDocs: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example <!doctype html> */
                    "text/html": string;
                };
            };
            400: components["responses"]["InvalidInput"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            502: components["responses"]["BadGateway"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    getDocsScript: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example /*! redoc *\/ */
                    "text/javascript": string;
                };
            };
            400: components["responses"]["InvalidInput"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            502: components["responses"]["BadGateway"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "userId": "5f2c9b7a-1d3e-4f60-8a9b-0c1d2e3f4a5b",
                     *       "email": "grace@acme.example",
                     *       "name": "Grace Hopper",
                     *       "language": "en",
                     *       "owner": false,
                     *       "memberships": [
                     *         {
                     *           "domainId": "b3a1c2d4-e5f6-4718-9a0b-1c2d3e4f5a6b",
                     *           "domainName": "Acme Tools",
                     *           "role": "member",
                     *           "roleName": null,
                     *           "status": "active",
                     *           "permissions": [
                     *             "members:view",
                     *             "assets:view"
                     *           ],
                     *           "primaryColor": "#1f6feb"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        userId: string;
                        /** Format: email */
                        email: string;
                        name: string;
                        /** @enum {string} */
                        language: "en" | "fi" | "fr" | "sv" | "de";
                        owner: boolean;
                        /** @description Every membership of the caller, complete in this one answer (never paged): a member of 1,000 domains gets 1,000 entries, about 0.6 MB. Read in one Query and one BatchGetItem per 100 domains. GET /domains lists the same domains a page at a time. */
                        memberships: {
                            domainId: string;
                            domainName: string;
                            role: string | null;
                            roleName: string | null;
                            /** @enum {string} */
                            status: "active" | "inactive" | "pending";
                            permissions: string[];
                            /** @description The domain's brand colour (its settings' branding.primaryColor): the console's elements default their theme to it. */
                            primaryColor: string;
                        }[];
                    };
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            502: components["responses"]["BadGateway"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    patchMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description JSON, at most 16 KiB. */
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Grace Hopper",
                 *       "language": "en"
                 *     }
                 */
                "application/json": {
                    name?: string;
                    /** @enum {string} */
                    language?: "en" | "fi" | "fr" | "sv" | "de";
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "userId": "5f2c9b7a-1d3e-4f60-8a9b-0c1d2e3f4a5b",
                     *       "email": "grace@acme.example",
                     *       "name": "Grace Hopper",
                     *       "language": "en",
                     *       "owner": false,
                     *       "memberships": [
                     *         {
                     *           "domainId": "b3a1c2d4-e5f6-4718-9a0b-1c2d3e4f5a6b",
                     *           "domainName": "Acme Tools",
                     *           "role": "member",
                     *           "roleName": null,
                     *           "status": "active",
                     *           "permissions": [
                     *             "members:view",
                     *             "assets:view"
                     *           ],
                     *           "primaryColor": "#1f6feb"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        userId: string;
                        /** Format: email */
                        email: string;
                        name: string;
                        /** @enum {string} */
                        language: "en" | "fi" | "fr" | "sv" | "de";
                        owner: boolean;
                        /** @description Every membership of the caller, complete in this one answer (never paged): a member of 1,000 domains gets 1,000 entries, about 0.6 MB. Read in one Query and one BatchGetItem per 100 domains. GET /domains lists the same domains a page at a time. */
                        memberships: {
                            domainId: string;
                            domainName: string;
                            role: string | null;
                            roleName: string | null;
                            /** @enum {string} */
                            status: "active" | "inactive" | "pending";
                            permissions: string[];
                            /** @description The domain's brand colour (its settings' branding.primaryColor): the console's elements default their theme to it. */
                            primaryColor: string;
                        }[];
                    };
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthorized"];
            409: components["responses"]["Busy"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            502: components["responses"]["BadGateway"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    signOut: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            502: components["responses"]["BadGateway"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    requestPasswordReset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description JSON, at most 16 KiB. */
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "email": "grace@acme.example"
                 *     }
                 */
                "application/json": {
                    /** Format: email */
                    email: string;
                };
            };
        };
        responses: {
            /** @description Accepted: the work waits on something, such as an emailed link */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "requested"
                     *     }
                     */
                    "application/json": {
                        /** @constant */
                        status: "requested";
                    };
                };
            };
            400: components["responses"]["InvalidInput"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["PasswordResetLimitOrThrottled"];
            500: components["responses"]["Internal"];
            502: components["responses"]["BadGateway"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    completePasswordReset: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The secret token of the emailed or shared link, exactly as in its `?token=`.
                 * @example q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6
                 */
                token: string;
            };
            cookie?: never;
        };
        /** @description JSON, at most 16 KiB. */
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "password": "Correct-horse-42!"
                 *     }
                 */
                "application/json": {
                    /** @description The new password. The pool's policy: at least 12 characters, a lower-case letter, an upper-case letter, a digit, a symbol such as ! or #. A password that misses any is refused with 400 invalid-input naming what it lacks. */
                    password: string;
                };
            };
        };
        responses: {
            /** @description Done; no body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["InvalidInput"];
            404: components["responses"]["NotFound"];
            410: components["responses"]["ResetLinkUsedOrResetLinkExpiredOrResetLinkReplaced"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            502: components["responses"]["BadGateway"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    listDomains: {
        parameters: {
            query?: {
                /** @description How many items per page, from 1 to 100. */
                limit?: number;
                /** @description Where to go on: the `nextCursor` of the previous page, unchanged. Absent for the first page. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "id": "7d0f3c1e-5b2a-4c8e-9f61-2a4b6c8d0e1f",
                     *           "name": "Grace Hopper",
                     *           "role": "member",
                     *           "roleName": null,
                     *           "status": "active"
                     *         }
                     *       ],
                     *       "nextCursor": "eyJwayI6IkRPTUFJTiMxIn0"
                     *     }
                     */
                    "application/json": {
                        items: {
                            id: string;
                            name: string;
                            role: string | null;
                            roleName: string | null;
                            /** @enum {string} */
                            status: "active" | "inactive" | "pending";
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            502: components["responses"]["BadGateway"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    createDomain: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description JSON, at most 16 KiB. */
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Grace Hopper"
                 *     }
                 */
                "application/json": {
                    name: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "7d0f3c1e-5b2a-4c8e-9f61-2a4b6c8d0e1f",
                     *       "name": "Grace Hopper"
                     *     }
                     */
                    "application/json": {
                        id: string;
                        name: string;
                    };
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["OwnerRequired"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            502: components["responses"]["BadGateway"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    getDomain: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The domain, as listed by GET /domains or GET /me.
                 * @example b3a1c2d4-e5f6-4718-9a0b-1c2d3e4f5a6b
                 */
                domainId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "7d0f3c1e-5b2a-4c8e-9f61-2a4b6c8d0e1f",
                     *       "name": "Grace Hopper"
                     *     }
                     */
                    "application/json": {
                        id: string;
                        name: string;
                    };
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["MembershipInactive"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            502: components["responses"]["BadGateway"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    getSettings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The domain, as listed by GET /domains or GET /me.
                 * @example b3a1c2d4-e5f6-4718-9a0b-1c2d3e4f5a6b
                 */
                domainId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The version of the resource, for a later `If-Match`. */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "name": "Grace Hopper",
                     *       "defaultLanguage": "en",
                     *       "invitationValidityDays": 1,
                     *       "linkValidityDaysMax": 1,
                     *       "staleAfterDays": 1,
                     *       "pendingRegistrationDays": 1,
                     *       "accessReviewEveryDays": 1,
                     *       "billing": {
                     *         "plan": "business",
                     *         "contactEmail": "billing@acme.example"
                     *       },
                     *       "branding": {
                     *         "productName": "Acme Tools",
                     *         "logoUrl": "https://acme.example/logo.png",
                     *         "primaryColor": "#1f6feb"
                     *       },
                     *       "version": 3
                     *     }
                     */
                    "application/json": {
                        name: string;
                        /** @enum {string} */
                        defaultLanguage: "en" | "fi" | "fr" | "sv" | "de";
                        invitationValidityDays: number;
                        linkValidityDaysMax: number;
                        staleAfterDays: number;
                        pendingRegistrationDays: number;
                        accessReviewEveryDays: number;
                        billing: {
                            plan: string;
                            contactEmail: string | null;
                        };
                        branding: {
                            productName: string;
                            logoUrl: string | null;
                            primaryColor: string;
                        };
                        version: number;
                    };
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["MembershipInactiveOrMembershipPendingOrPermissionMissing"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            502: components["responses"]["BadGateway"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    patchSettings: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The ETag of the version you read (GET answers it in `ETag`). The change is made only if the resource is still at that version; otherwise 412 version-mismatch. Without it, the change applies to whatever version is current.
                 * @example "3"
                 */
                "If-Match"?: string;
            };
            path: {
                /**
                 * @description The domain, as listed by GET /domains or GET /me.
                 * @example b3a1c2d4-e5f6-4718-9a0b-1c2d3e4f5a6b
                 */
                domainId: string;
            };
            cookie?: never;
        };
        /** @description JSON, at most 16 KiB. */
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Grace Hopper",
                 *       "defaultLanguage": "en",
                 *       "invitationValidityDays": 1,
                 *       "linkValidityDaysMax": 1,
                 *       "staleAfterDays": 1,
                 *       "pendingRegistrationDays": 1,
                 *       "accessReviewEveryDays": 1,
                 *       "billing": {
                 *         "plan": "business",
                 *         "contactEmail": "billing@acme.example"
                 *       },
                 *       "branding": {
                 *         "productName": "Acme Tools",
                 *         "logoUrl": "https://acme.example/logo.png",
                 *         "primaryColor": "#1f6feb"
                 *       }
                 *     }
                 */
                "application/json": {
                    name?: string;
                    /** @enum {string} */
                    defaultLanguage?: "en" | "fi" | "fr" | "sv" | "de";
                    invitationValidityDays?: number;
                    linkValidityDaysMax?: number;
                    staleAfterDays?: number;
                    pendingRegistrationDays?: number;
                    accessReviewEveryDays?: number;
                    billing?: {
                        plan?: string;
                        contactEmail?: string | null;
                    };
                    branding?: {
                        productName?: string;
                        logoUrl?: string | null;
                        primaryColor?: string;
                    };
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The version of the resource, for a later `If-Match`. */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "name": "Grace Hopper",
                     *       "defaultLanguage": "en",
                     *       "invitationValidityDays": 1,
                     *       "linkValidityDaysMax": 1,
                     *       "staleAfterDays": 1,
                     *       "pendingRegistrationDays": 1,
                     *       "accessReviewEveryDays": 1,
                     *       "billing": {
                     *         "plan": "business",
                     *         "contactEmail": "billing@acme.example"
                     *       },
                     *       "branding": {
                     *         "productName": "Acme Tools",
                     *         "logoUrl": "https://acme.example/logo.png",
                     *         "primaryColor": "#1f6feb"
                     *       },
                     *       "version": 3
                     *     }
                     */
                    "application/json": {
                        name: string;
                        /** @enum {string} */
                        defaultLanguage: "en" | "fi" | "fr" | "sv" | "de";
                        invitationValidityDays: number;
                        linkValidityDaysMax: number;
                        staleAfterDays: number;
                        pendingRegistrationDays: number;
                        accessReviewEveryDays: number;
                        billing: {
                            plan: string;
                            contactEmail: string | null;
                        };
                        branding: {
                            productName: string;
                            logoUrl: string | null;
                            primaryColor: string;
                        };
                        version: number;
                    };
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["MembershipInactiveOrMembershipPendingOrPermissionMissing"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Busy"];
            412: components["responses"]["VersionMismatch"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            502: components["responses"]["BadGateway"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    listRoles: {
        parameters: {
            query?: {
                /** @description How many items per page, from 1 to 100. */
                limit?: number;
                /** @description Where to go on: the `nextCursor` of the previous page, unchanged. Absent for the first page. */
                cursor?: string;
            };
            header?: never;
            path: {
                /**
                 * @description The domain, as listed by GET /domains or GET /me.
                 * @example b3a1c2d4-e5f6-4718-9a0b-1c2d3e4f5a6b
                 */
                domainId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "id": "7d0f3c1e-5b2a-4c8e-9f61-2a4b6c8d0e1f",
                     *           "name": "Grace Hopper",
                     *           "description": "Cordless drills and their chargers",
                     *           "permissions": [
                     *             "members:view",
                     *             "assets:view"
                     *           ],
                     *           "builtIn": true,
                     *           "version": 3
                     *         }
                     *       ],
                     *       "nextCursor": "eyJwayI6IkRPTUFJTiMxIn0"
                     *     }
                     */
                    "application/json": {
                        items: {
                            id: string;
                            name: string;
                            description: string;
                            permissions: string[];
                            builtIn: boolean;
                            version?: number;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["MembershipInactiveOrMembershipPendingOrPermissionMissing"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            502: components["responses"]["BadGateway"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    createRole: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The domain, as listed by GET /domains or GET /me.
                 * @example b3a1c2d4-e5f6-4718-9a0b-1c2d3e4f5a6b
                 */
                domainId: string;
            };
            cookie?: never;
        };
        /** @description JSON, at most 16 KiB. */
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Grace Hopper",
                 *       "description": "Cordless drills and their chargers",
                 *       "permissions": [
                 *         "members:view",
                 *         "assets:view"
                 *       ]
                 *     }
                 */
                "application/json": {
                    name: string;
                    description?: string;
                    permissions: ("*" | "settings:view" | "settings:update" | "members:view" | "members:create" | "members:update" | "members:delete" | "roles:view" | "roles:manage" | "invitations:view" | "invitations:create" | "invitations:delete" | "history:view" | "assets:view" | "assets:create" | "assets:update" | "assets:delete" | "assets:checkout" | "assets:checkin" | "assets:reserve" | "locations:view" | "locations:create" | "locations:update" | "locations:delete")[];
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    /** @description The version of the resource, for a later `If-Match`. */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "7d0f3c1e-5b2a-4c8e-9f61-2a4b6c8d0e1f",
                     *       "name": "Grace Hopper",
                     *       "description": "Cordless drills and their chargers",
                     *       "permissions": [
                     *         "members:view",
                     *         "assets:view"
                     *       ],
                     *       "builtIn": true,
                     *       "version": 3
                     *     }
                     */
                    "application/json": {
                        id: string;
                        name: string;
                        description: string;
                        permissions: string[];
                        builtIn: boolean;
                        version?: number;
                    };
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["MembershipInactiveOrMembershipPendingOrPermissionMissingOrGrantExceedsOwn"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["RoleNameTakenOrTooManyRolesOrBusy"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            502: components["responses"]["BadGateway"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    deleteRole: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The ETag of the version you read (GET answers it in `ETag`). The change is made only if the resource is still at that version; otherwise 412 version-mismatch. Without it, the change applies to whatever version is current.
                 * @example "3"
                 */
                "If-Match"?: string;
            };
            path: {
                /**
                 * @description The domain, as listed by GET /domains or GET /me.
                 * @example b3a1c2d4-e5f6-4718-9a0b-1c2d3e4f5a6b
                 */
                domainId: string;
                /**
                 * @description The role: a built-in role id such as `admin`, or a custom role id.
                 * @example member
                 */
                roleId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["MembershipInactiveOrMembershipPendingOrPermissionMissingOrGrantExceedsOwn"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["BuiltInRoleOrRoleInUseOrBusy"];
            412: components["responses"]["VersionMismatch"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            502: components["responses"]["BadGateway"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    patchRole: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The ETag of the version you read (GET answers it in `ETag`). The change is made only if the resource is still at that version; otherwise 412 version-mismatch. Without it, the change applies to whatever version is current.
                 * @example "3"
                 */
                "If-Match"?: string;
            };
            path: {
                /**
                 * @description The domain, as listed by GET /domains or GET /me.
                 * @example b3a1c2d4-e5f6-4718-9a0b-1c2d3e4f5a6b
                 */
                domainId: string;
                /**
                 * @description The role: a built-in role id such as `admin`, or a custom role id.
                 * @example member
                 */
                roleId: string;
            };
            cookie?: never;
        };
        /** @description JSON, at most 16 KiB. */
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Grace Hopper",
                 *       "description": "Cordless drills and their chargers",
                 *       "permissions": [
                 *         "members:view",
                 *         "assets:view"
                 *       ]
                 *     }
                 */
                "application/json": {
                    name?: string;
                    description?: string;
                    permissions?: ("*" | "settings:view" | "settings:update" | "members:view" | "members:create" | "members:update" | "members:delete" | "roles:view" | "roles:manage" | "invitations:view" | "invitations:create" | "invitations:delete" | "history:view" | "assets:view" | "assets:create" | "assets:update" | "assets:delete" | "assets:checkout" | "assets:checkin" | "assets:reserve" | "locations:view" | "locations:create" | "locations:update" | "locations:delete")[];
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The version of the resource, for a later `If-Match`. */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "7d0f3c1e-5b2a-4c8e-9f61-2a4b6c8d0e1f",
                     *       "name": "Grace Hopper",
                     *       "description": "Cordless drills and their chargers",
                     *       "permissions": [
                     *         "members:view",
                     *         "assets:view"
                     *       ],
                     *       "builtIn": true,
                     *       "version": 3
                     *     }
                     */
                    "application/json": {
                        id: string;
                        name: string;
                        description: string;
                        permissions: string[];
                        builtIn: boolean;
                        version?: number;
                    };
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["MembershipInactiveOrMembershipPendingOrPermissionMissingOrGrantExceedsOwn"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["BuiltInRoleOrRoleNameTakenOrLastAdminOrBusy"];
            412: components["responses"]["VersionMismatch"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            502: components["responses"]["BadGateway"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    listMembers: {
        parameters: {
            query?: {
                /** @description How many items per page, from 1 to 100. */
                limit?: number;
                /** @description Where to go on: the `nextCursor` of the previous page, unchanged. Absent for the first page. */
                cursor?: string;
                /** @description Search: keeps items whose name or email contains this text, in any case. */
                q?: string;
                /** @description Keeps members with this role id. */
                role?: string;
                /** @description Keeps members with this status. */
                status?: "active" | "inactive" | "pending";
            };
            header?: never;
            path: {
                /**
                 * @description The domain, as listed by GET /domains or GET /me.
                 * @example b3a1c2d4-e5f6-4718-9a0b-1c2d3e4f5a6b
                 */
                domainId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "userId": "5f2c9b7a-1d3e-4f60-8a9b-0c1d2e3f4a5b",
                     *           "email": "grace@acme.example",
                     *           "emailVerified": true,
                     *           "name": "Grace Hopper",
                     *           "language": "en",
                     *           "role": "member",
                     *           "roleName": null,
                     *           "status": "active",
                     *           "createdAt": "2026-03-01T09:30:00Z",
                     *           "invitedBy": "9e8d7c6b-5a49-4382-b1a0-f9e8d7c6b5a4",
                     *           "lastActiveAt": "2026-03-01T09:30:00Z",
                     *           "assetsHeld": 1,
                     *           "version": 3
                     *         }
                     *       ],
                     *       "nextCursor": "eyJwayI6IkRPTUFJTiMxIn0"
                     *     }
                     */
                    "application/json": {
                        items: {
                            userId: string;
                            /** Format: email */
                            email: string;
                            emailVerified: boolean;
                            name: string;
                            /** @enum {string} */
                            language: "en" | "fi" | "fr" | "sv" | "de";
                            role: string | null;
                            roleName: string | null;
                            /** @enum {string} */
                            status: "active" | "inactive" | "pending";
                            /** Format: date-time */
                            createdAt: string;
                            invitedBy: string | null;
                            lastActiveAt: string | null;
                            assetsHeld: number;
                            version: number;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["MembershipInactiveOrMembershipPendingOrPermissionMissing"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            502: components["responses"]["BadGateway"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    addMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The domain, as listed by GET /domains or GET /me.
                 * @example b3a1c2d4-e5f6-4718-9a0b-1c2d3e4f5a6b
                 */
                domainId: string;
            };
            cookie?: never;
        };
        /** @description JSON, at most 16 KiB. */
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "email": "grace@acme.example",
                 *       "name": "Grace Hopper",
                 *       "language": "en",
                 *       "role": "member"
                 *     }
                 */
                "application/json": {
                    /** Format: email */
                    email: string;
                    name: string;
                    /** @enum {string} */
                    language: "en" | "fi" | "fr" | "sv" | "de";
                    role: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    /** @description The version of the resource, for a later `If-Match`. */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "userId": "5f2c9b7a-1d3e-4f60-8a9b-0c1d2e3f4a5b",
                     *       "email": "grace@acme.example",
                     *       "emailVerified": true,
                     *       "name": "Grace Hopper",
                     *       "language": "en",
                     *       "role": "member",
                     *       "roleName": null,
                     *       "status": "active",
                     *       "createdAt": "2026-03-01T09:30:00Z",
                     *       "invitedBy": "9e8d7c6b-5a49-4382-b1a0-f9e8d7c6b5a4",
                     *       "lastActiveAt": "2026-03-01T09:30:00Z",
                     *       "assetsHeld": 1,
                     *       "version": 3,
                     *       "setPasswordEmail": "queued",
                     *       "addedEmail": "queued"
                     *     }
                     */
                    "application/json": {
                        userId: string;
                        /** Format: email */
                        email: string;
                        emailVerified: boolean;
                        name: string;
                        /** @enum {string} */
                        language: "en" | "fi" | "fr" | "sv" | "de";
                        role: string | null;
                        roleName: string | null;
                        /** @enum {string} */
                        status: "active" | "inactive" | "pending";
                        /** Format: date-time */
                        createdAt: string;
                        invitedBy: string | null;
                        lastActiveAt: string | null;
                        assetsHeld: number;
                        version: number;
                        /** @enum {string} */
                        setPasswordEmail: "queued" | "not_needed";
                        /** @enum {string} */
                        addedEmail: "queued" | "not_needed";
                    };
                };
            };
            400: components["responses"]["InvalidInputOrUnknownRole"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["MembershipInactiveOrMembershipPendingOrPermissionMissingOrGrantExceedsOwn"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["AlreadyMemberOrAccountChangedOrConflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["DailyEmailLimitOrThrottled"];
            500: components["responses"]["Internal"];
            502: components["responses"]["BadGateway"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    getMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The domain, as listed by GET /domains or GET /me.
                 * @example b3a1c2d4-e5f6-4718-9a0b-1c2d3e4f5a6b
                 */
                domainId: string;
                /**
                 * @description The member: their user id (the `sub` of their ID token).
                 * @example 5f2c9b7a-1d3e-4f60-8a9b-0c1d2e3f4a5b
                 */
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The version of the resource, for a later `If-Match`. */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "userId": "5f2c9b7a-1d3e-4f60-8a9b-0c1d2e3f4a5b",
                     *       "email": "grace@acme.example",
                     *       "emailVerified": true,
                     *       "name": "Grace Hopper",
                     *       "language": "en",
                     *       "role": "member",
                     *       "roleName": null,
                     *       "status": "active",
                     *       "createdAt": "2026-03-01T09:30:00Z",
                     *       "invitedBy": "9e8d7c6b-5a49-4382-b1a0-f9e8d7c6b5a4",
                     *       "lastActiveAt": "2026-03-01T09:30:00Z",
                     *       "assetsHeld": 1,
                     *       "version": 3
                     *     }
                     */
                    "application/json": {
                        userId: string;
                        /** Format: email */
                        email: string;
                        emailVerified: boolean;
                        name: string;
                        /** @enum {string} */
                        language: "en" | "fi" | "fr" | "sv" | "de";
                        role: string | null;
                        roleName: string | null;
                        /** @enum {string} */
                        status: "active" | "inactive" | "pending";
                        /** Format: date-time */
                        createdAt: string;
                        invitedBy: string | null;
                        lastActiveAt: string | null;
                        assetsHeld: number;
                        version: number;
                    };
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["MembershipInactiveOrMembershipPendingOrPermissionMissing"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            502: components["responses"]["BadGateway"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    deleteMember: {
        parameters: {
            query?: {
                /** @description `true` removes a member who still holds assets: the assets stay listed against their name. */
                force?: "true" | "false";
            };
            header?: {
                /**
                 * @description The ETag of the version you read (GET answers it in `ETag`). The change is made only if the resource is still at that version; otherwise 412 version-mismatch. Without it, the change applies to whatever version is current.
                 * @example "3"
                 */
                "If-Match"?: string;
            };
            path: {
                /**
                 * @description The domain, as listed by GET /domains or GET /me.
                 * @example b3a1c2d4-e5f6-4718-9a0b-1c2d3e4f5a6b
                 */
                domainId: string;
                /**
                 * @description The member: their user id (the `sub` of their ID token).
                 * @example 5f2c9b7a-1d3e-4f60-8a9b-0c1d2e3f4a5b
                 */
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["MembershipInactiveOrMembershipPendingOrPermissionMissingOrTargetExceedsOwn"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["LastAdminOrMemberHoldsAssetsOrBusy"];
            412: components["responses"]["VersionMismatch"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            502: components["responses"]["BadGateway"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    patchMember: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The ETag of the version you read (GET answers it in `ETag`). The change is made only if the resource is still at that version; otherwise 412 version-mismatch. Without it, the change applies to whatever version is current.
                 * @example "3"
                 */
                "If-Match"?: string;
            };
            path: {
                /**
                 * @description The domain, as listed by GET /domains or GET /me.
                 * @example b3a1c2d4-e5f6-4718-9a0b-1c2d3e4f5a6b
                 */
                domainId: string;
                /**
                 * @description The member: their user id (the `sub` of their ID token).
                 * @example 5f2c9b7a-1d3e-4f60-8a9b-0c1d2e3f4a5b
                 */
                userId: string;
            };
            cookie?: never;
        };
        /** @description JSON, at most 16 KiB. */
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "role": "member",
                 *       "status": "active",
                 *       "name": "Grace Hopper",
                 *       "language": "en"
                 *     }
                 */
                "application/json": {
                    role?: string;
                    /** @enum {string} */
                    status?: "active" | "inactive";
                    name?: string;
                    /** @enum {string} */
                    language?: "en" | "fi" | "fr" | "sv" | "de";
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The version of the resource, for a later `If-Match`. */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "userId": "5f2c9b7a-1d3e-4f60-8a9b-0c1d2e3f4a5b",
                     *       "email": "grace@acme.example",
                     *       "emailVerified": true,
                     *       "name": "Grace Hopper",
                     *       "language": "en",
                     *       "role": "member",
                     *       "roleName": null,
                     *       "status": "active",
                     *       "createdAt": "2026-03-01T09:30:00Z",
                     *       "invitedBy": "9e8d7c6b-5a49-4382-b1a0-f9e8d7c6b5a4",
                     *       "lastActiveAt": "2026-03-01T09:30:00Z",
                     *       "assetsHeld": 1,
                     *       "version": 3
                     *     }
                     */
                    "application/json": {
                        userId: string;
                        /** Format: email */
                        email: string;
                        emailVerified: boolean;
                        name: string;
                        /** @enum {string} */
                        language: "en" | "fi" | "fr" | "sv" | "de";
                        role: string | null;
                        roleName: string | null;
                        /** @enum {string} */
                        status: "active" | "inactive" | "pending";
                        /** Format: date-time */
                        createdAt: string;
                        invitedBy: string | null;
                        lastActiveAt: string | null;
                        assetsHeld: number;
                        version: number;
                    };
                };
            };
            400: components["responses"]["InvalidInputOrUnknownRole"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["MembershipInactiveOrMembershipPendingOrPermissionMissingOrGrantExceedsOwnOrTargetExceedsOwn"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["RoleRequiredOrLastAdminOrBusy"];
            412: components["responses"]["VersionMismatch"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            502: components["responses"]["BadGateway"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    listHistory: {
        parameters: {
            query?: {
                /** @description How many items per page, from 1 to 100. */
                limit?: number;
                /** @description Where to go on: the `nextCursor` of the previous page, unchanged. Absent for the first page. */
                cursor?: string;
                /** @description Keeps events made by this user id, or by a scheduled job such as `system:sweeps`. */
                actor?: string;
                /** @description Keeps events about this member, role, invitation or asset id. */
                target?: string;
                /** @description Keeps events of this action, such as `member.role_changed`. */
                action?: string;
                /** @description Keeps events at or after this moment (ISO 8601). */
                from?: string;
                /** @description Keeps events before this moment (ISO 8601). */
                to?: string;
            };
            header?: never;
            path: {
                /**
                 * @description The domain, as listed by GET /domains or GET /me.
                 * @example b3a1c2d4-e5f6-4718-9a0b-1c2d3e4f5a6b
                 */
                domainId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "id": "7d0f3c1e-5b2a-4c8e-9f61-2a4b6c8d0e1f",
                     *           "at": "2026-03-01T09:30:00Z",
                     *           "actor": "9e8d7c6b-5a49-4382-b1a0-f9e8d7c6b5a4",
                     *           "action": "member.role_changed",
                     *           "targetType": "text",
                     *           "targetId": "text",
                     *           "actorName": null,
                     *           "targetName": null,
                     *           "before": null,
                     *           "after": null,
                     *           "redacted": true
                     *         }
                     *       ],
                     *       "nextCursor": "eyJwayI6IkRPTUFJTiMxIn0"
                     *     }
                     */
                    "application/json": {
                        items: {
                            id: string;
                            /** Format: date-time */
                            at: string;
                            actor: string;
                            action: string;
                            targetType: string;
                            targetId: string;
                            actorName: string | null;
                            targetName: string | null;
                            before: unknown;
                            after: unknown;
                            /** @constant */
                            redacted?: true;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["MembershipInactiveOrMembershipPendingOrPermissionMissing"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            502: components["responses"]["BadGateway"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    getAccessReview: {
        parameters: {
            query?: {
                /** @description `csv` downloads the review as a spreadsheet instead of JSON (or send `Accept: text/csv`). */
                format?: "json" | "csv";
            };
            header?: never;
            path: {
                /**
                 * @description The domain, as listed by GET /domains or GET /me.
                 * @example b3a1c2d4-e5f6-4718-9a0b-1c2d3e4f5a6b
                 */
                domainId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "domainId": "b3a1c2d4-e5f6-4718-9a0b-1c2d3e4f5a6b",
                     *       "generatedAt": "2026-03-01T09:30:00Z",
                     *       "staleAfterDays": 1,
                     *       "members": [
                     *         {
                     *           "userId": "5f2c9b7a-1d3e-4f60-8a9b-0c1d2e3f4a5b",
                     *           "email": "grace@acme.example",
                     *           "name": "Grace Hopper",
                     *           "role": "member",
                     *           "status": "active",
                     *           "lastActiveAt": "2026-03-01T09:30:00Z",
                     *           "daysInactive": 1,
                     *           "stale": true,
                     *           "emailVerified": true,
                     *           "assetsHeld": 1
                     *         }
                     *       ],
                     *       "pendingInvitations": [
                     *         {
                     *           "id": "7d0f3c1e-5b2a-4c8e-9f61-2a4b6c8d0e1f",
                     *           "kind": "text",
                     *           "email": "grace@acme.example",
                     *           "role": "member",
                     *           "expiresAt": "2026-03-01T09:30:00Z"
                     *         }
                     *       ],
                     *       "formerMembersHoldingAssets": [
                     *         {
                     *           "userId": "5f2c9b7a-1d3e-4f60-8a9b-0c1d2e3f4a5b",
                     *           "name": "Grace Hopper",
                     *           "formerMember": true,
                     *           "assetsHeld": 1
                     *         }
                     *       ],
                     *       "summary": {
                     *         "members": 1,
                     *         "active": 1,
                     *         "inactive": 1,
                     *         "pending": 1,
                     *         "stale": 1,
                     *         "admins": 1,
                     *         "pendingInvitations": 1
                     *       },
                     *       "lastSignOff": {
                     *         "at": "2026-03-01T09:30:00Z",
                     *         "by": "9e8d7c6b-5a49-4382-b1a0-f9e8d7c6b5a4",
                     *         "note": "Quarterly review: removed two leavers."
                     *       },
                     *       "nextDueAt": "2026-03-01T09:30:00Z"
                     *     }
                     */
                    "application/json": {
                        domainId: string;
                        /** Format: date-time */
                        generatedAt: string;
                        staleAfterDays: number;
                        members: {
                            userId: string;
                            /** Format: email */
                            email: string;
                            name: string;
                            role: string | null;
                            /** @enum {string} */
                            status: "active" | "inactive" | "pending";
                            lastActiveAt: string | null;
                            daysInactive: number | null;
                            stale: boolean;
                            emailVerified: boolean;
                            assetsHeld: number;
                        }[];
                        pendingInvitations: {
                            id: string;
                            kind: string;
                            email: string | null;
                            role: string | null;
                            /** Format: date-time */
                            expiresAt: string;
                        }[];
                        formerMembersHoldingAssets: {
                            userId: string;
                            name: string | null;
                            /** @constant */
                            formerMember: true;
                            assetsHeld: number;
                        }[];
                        summary: {
                            members: number;
                            active: number;
                            inactive: number;
                            pending: number;
                            stale: number;
                            admins: number;
                            pendingInvitations: number;
                        };
                        lastSignOff: {
                            /** Format: date-time */
                            at: string;
                            by: string;
                            note: string | null;
                        } | null;
                        /** Format: date-time */
                        nextDueAt: string;
                    };
                    /** @example userId,email,name,role,status */
                    "text/csv": string;
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["MembershipInactiveOrMembershipPendingOrPermissionMissing"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            502: components["responses"]["BadGateway"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    signOffAccessReview: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The domain, as listed by GET /domains or GET /me.
                 * @example b3a1c2d4-e5f6-4718-9a0b-1c2d3e4f5a6b
                 */
                domainId: string;
            };
            cookie?: never;
        };
        /** @description JSON, at most 16 KiB. */
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "note": "Quarterly review: removed two leavers."
                 *     }
                 */
                "application/json": {
                    note?: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "at": "2026-03-01T09:30:00Z",
                     *       "by": "9e8d7c6b-5a49-4382-b1a0-f9e8d7c6b5a4",
                     *       "note": "Quarterly review: removed two leavers.",
                     *       "nextDueAt": "2026-03-01T09:30:00Z"
                     *     }
                     */
                    "application/json": {
                        /** Format: date-time */
                        at: string;
                        by: string;
                        note: string | null;
                        /** Format: date-time */
                        nextDueAt: string;
                    };
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["MembershipInactiveOrMembershipPendingOrPermissionMissing"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Busy"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            502: components["responses"]["BadGateway"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    listInvitations: {
        parameters: {
            query?: {
                /** @description How many items per page, from 1 to 100. */
                limit?: number;
                /** @description Where to go on: the `nextCursor` of the previous page, unchanged. Absent for the first page. */
                cursor?: string;
                /** @description `email` for invitations sent to an address, `link` for registration links. */
                kind?: "email" | "link";
                /** @description `pending` for those that can still be used, `expired` for those past their validity. */
                status?: "pending" | "expired";
                /** @description Keeps the invitation sent to this address. */
                email?: string;
            };
            header?: never;
            path: {
                /**
                 * @description The domain, as listed by GET /domains or GET /me.
                 * @example b3a1c2d4-e5f6-4718-9a0b-1c2d3e4f5a6b
                 */
                domainId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "id": "7d0f3c1e-5b2a-4c8e-9f61-2a4b6c8d0e1f",
                     *           "kind": "email",
                     *           "email": "grace@acme.example",
                     *           "role": "member",
                     *           "status": "pending",
                     *           "delivery": "queued",
                     *           "deliveryReason": "text",
                     *           "invitedBy": "9e8d7c6b-5a49-4382-b1a0-f9e8d7c6b5a4",
                     *           "createdAt": "2026-03-01T09:30:00Z",
                     *           "expiresAt": "2026-03-01T09:30:00Z",
                     *           "maxUses": 1,
                     *           "uses": 1,
                     *           "allowedEmailDomains": [
                     *             "acme.example"
                     *           ],
                     *           "version": 3
                     *         }
                     *       ],
                     *       "nextCursor": "eyJwayI6IkRPTUFJTiMxIn0"
                     *     }
                     */
                    "application/json": {
                        items: {
                            id: string;
                            /** @enum {string} */
                            kind: "email" | "link";
                            email: string | null;
                            role: string | null;
                            /** @enum {string} */
                            status: "pending" | "expired";
                            delivery: ("queued" | "pending" | "sent" | "failed" | "delivery_failed" | "bounced" | "complained") | null;
                            deliveryReason?: string;
                            invitedBy: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            expiresAt: string;
                            maxUses: number | null;
                            uses: number;
                            allowedEmailDomains: string[] | null;
                            version: number;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["MembershipInactiveOrMembershipPendingOrPermissionMissing"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            502: components["responses"]["BadGateway"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    createInvitations: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The domain, as listed by GET /domains or GET /me.
                 * @example b3a1c2d4-e5f6-4718-9a0b-1c2d3e4f5a6b
                 */
                domainId: string;
            };
            cookie?: never;
        };
        /** @description JSON, at most 16 KiB. */
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "emails": [
                 *         "grace@acme.example",
                 *         "alan@acme.example"
                 *       ],
                 *       "role": "member",
                 *       "validDays": 1,
                 *       "message": "Welcome to the team: this gives you the tool register."
                 *     }
                 */
                "application/json": {
                    emails: string[];
                    role: string;
                    validDays?: number;
                    message?: string;
                };
                /**
                 * @example email,role,language
                 *     grace@acme.example,member,en
                 *     alan@acme.example,viewer,fi
                 */
                "text/csv": string;
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "results": [
                     *         {
                     *           "email": "grace@acme.example",
                     *           "row": 1,
                     *           "status": "invited",
                     *           "reason": "must be an email address",
                     *           "invitationId": "e1f2a3b4-c5d6-4e7f-8091-a2b3c4d5e6f7",
                     *           "delivery": "queued"
                     *         }
                     *       ],
                     *       "summary": {
                     *         "invited": 1,
                     *         "refreshed": 1,
                     *         "already_member": 1,
                     *         "invalid": 1,
                     *         "deliveryFailed": 1,
                     *         "queued": 1
                     *       }
                     *     }
                     */
                    "application/json": {
                        results: {
                            email: string;
                            row?: number;
                            /** @enum {string} */
                            status: "invited" | "refreshed" | "already_member" | "invalid";
                            reason?: string;
                            invitationId?: string;
                            /** @enum {string} */
                            delivery?: "queued" | "sent" | "failed";
                        }[];
                        summary: {
                            invited: number;
                            refreshed: number;
                            already_member: number;
                            invalid: number;
                            deliveryFailed: number;
                            queued: number;
                        };
                    };
                };
            };
            400: components["responses"]["InvalidInputOrUnknownRole"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["MembershipInactiveOrMembershipPendingOrPermissionMissingOrGrantExceedsOwn"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Busy"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["DailyEmailLimitOrThrottled"];
            500: components["responses"]["Internal"];
            502: components["responses"]["BadGateway"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    resendInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The domain, as listed by GET /domains or GET /me.
                 * @example b3a1c2d4-e5f6-4718-9a0b-1c2d3e4f5a6b
                 */
                domainId: string;
                /**
                 * @description The invitation or registration link, as listed by GET /domains/{domainId}/invitations.
                 * @example e1f2a3b4-c5d6-4e7f-8091-a2b3c4d5e6f7
                 */
                invitationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The version of the resource, for a later `If-Match`. */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "7d0f3c1e-5b2a-4c8e-9f61-2a4b6c8d0e1f",
                     *       "kind": "email",
                     *       "email": "grace@acme.example",
                     *       "role": "member",
                     *       "status": "pending",
                     *       "delivery": "queued",
                     *       "deliveryReason": "text",
                     *       "invitedBy": "9e8d7c6b-5a49-4382-b1a0-f9e8d7c6b5a4",
                     *       "createdAt": "2026-03-01T09:30:00Z",
                     *       "expiresAt": "2026-03-01T09:30:00Z",
                     *       "maxUses": 1,
                     *       "uses": 1,
                     *       "allowedEmailDomains": [
                     *         "acme.example"
                     *       ],
                     *       "version": 3,
                     *       "url": "https://app.acme.example/accept-invitation?token=q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6"
                     *     }
                     */
                    "application/json": {
                        id: string;
                        /** @enum {string} */
                        kind: "email" | "link";
                        email: string | null;
                        role: string | null;
                        /** @enum {string} */
                        status: "pending" | "expired";
                        delivery: ("queued" | "pending" | "sent" | "failed" | "delivery_failed" | "bounced" | "complained") | null;
                        deliveryReason?: string;
                        invitedBy: string;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        expiresAt: string;
                        maxUses: number | null;
                        uses: number;
                        allowedEmailDomains: string[] | null;
                        version: number;
                        url?: string;
                    };
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["MembershipInactiveOrMembershipPendingOrPermissionMissingOrGrantExceedsOwn"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["InvitationRoleDeletedOrBusy"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["DailyEmailLimitOrThrottled"];
            500: components["responses"]["Internal"];
            502: components["responses"]["BadGateway"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    revokeInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The domain, as listed by GET /domains or GET /me.
                 * @example b3a1c2d4-e5f6-4718-9a0b-1c2d3e4f5a6b
                 */
                domainId: string;
                /**
                 * @description The invitation or registration link, as listed by GET /domains/{domainId}/invitations.
                 * @example e1f2a3b4-c5d6-4e7f-8091-a2b3c4d5e6f7
                 */
                invitationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["MembershipInactiveOrMembershipPendingOrPermissionMissing"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Busy"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            502: components["responses"]["BadGateway"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    createInviteLink: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The domain, as listed by GET /domains or GET /me.
                 * @example b3a1c2d4-e5f6-4718-9a0b-1c2d3e4f5a6b
                 */
                domainId: string;
            };
            cookie?: never;
        };
        /** @description JSON, at most 16 KiB. */
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "validDays": 1,
                 *       "maxUses": 1,
                 *       "role": "member",
                 *       "allowedEmailDomains": [
                 *         "acme.example"
                 *       ]
                 *     }
                 */
                "application/json": {
                    validDays: number;
                    maxUses?: number;
                    role?: string;
                    allowedEmailDomains?: string[];
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "7d0f3c1e-5b2a-4c8e-9f61-2a4b6c8d0e1f",
                     *       "url": "https://app.acme.example/accept-invitation?token=q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6",
                     *       "expiresAt": "2026-03-01T09:30:00Z",
                     *       "maxUses": 1,
                     *       "uses": 1
                     *     }
                     */
                    "application/json": {
                        id: string;
                        url: string;
                        /** Format: date-time */
                        expiresAt: string;
                        maxUses: number | null;
                        uses: number;
                    };
                };
            };
            400: components["responses"]["InvalidInputOrUnknownRole"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["MembershipInactiveOrMembershipPendingOrPermissionMissingOrGrantExceedsOwn"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Busy"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            502: components["responses"]["BadGateway"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    previewInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The secret token of the emailed or shared link, exactly as in its `?token=`.
                 * @example q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6
                 */
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "kind": "email",
                     *       "domainName": "Acme Tools",
                     *       "invitedBy": "9e8d7c6b-5a49-4382-b1a0-f9e8d7c6b5a4",
                     *       "email": "grace@acme.example",
                     *       "role": "member",
                     *       "expiresAt": "2026-03-01T09:30:00Z",
                     *       "branding": {
                     *         "productName": "Acme Tools",
                     *         "logoUrl": "https://acme.example/logo.png",
                     *         "primaryColor": "#1f6feb"
                     *       },
                     *       "language": "en"
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        kind: "email" | "link" | "set-password";
                        domainName: string;
                        invitedBy: string;
                        /** Format: email */
                        email?: string;
                        role?: string | null;
                        /** Format: date-time */
                        expiresAt: string;
                        branding: {
                            productName: string;
                            logoUrl: string | null;
                            primaryColor: string;
                        };
                        /** @enum {string} */
                        language?: "en" | "fi" | "fr" | "sv" | "de";
                    };
                };
            };
            400: components["responses"]["InvalidInput"];
            404: components["responses"]["NotFound"];
            410: components["responses"]["InvitationUsedOrInvitationRevokedOrInvitationExpired"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            502: components["responses"]["BadGateway"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    acceptInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The secret token of the emailed or shared link, exactly as in its `?token=`.
                 * @example q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6
                 */
                token: string;
            };
            cookie?: never;
        };
        /** @description JSON, at most 16 KiB. */
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "email": "grace@acme.example",
                 *       "name": "Grace Hopper",
                 *       "password": "Correct-horse-42!",
                 *       "language": "en"
                 *     }
                 */
                "application/json": {
                    /** Format: email */
                    email?: string;
                    name?: string;
                    /** @description The new password. The pool's policy: at least 12 characters, a lower-case letter, an upper-case letter, a digit, a symbol such as ! or #. A password that misses any is refused with 400 invalid-input naming what it lacks. */
                    password?: string;
                    /** @enum {string} */
                    language?: "en" | "fi" | "fr" | "sv" | "de";
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "userId": "5f2c9b7a-1d3e-4f60-8a9b-0c1d2e3f4a5b",
                     *       "domainId": "b3a1c2d4-e5f6-4718-9a0b-1c2d3e4f5a6b",
                     *       "status": "active"
                     *     }
                     */
                    "application/json": {
                        userId: string;
                        domainId: string;
                        /** @enum {string} */
                        status: "active" | "pending";
                    };
                };
            };
            /** @description Accepted: the work waits on something, such as an emailed link */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "verification_sent",
                     *       "email": "grace@acme.example"
                     *     }
                     */
                    "application/json": {
                        /** @constant */
                        status: "verification_sent";
                        /** Format: email */
                        email: string;
                    };
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["WrongAccountOrEmailDomainNotAllowed"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["AccountExistsOrAlreadyMemberOrRegistrationChangedOrInvitationChangedOrConflict"];
            410: components["responses"]["InvitationUsedOrInvitationRevokedOrInvitationExpired"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["DailyEmailLimitOrThrottled"];
            500: components["responses"]["Internal"];
            502: components["responses"]["BadGateway"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    verifyEmail: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The secret token of the emailed or shared link, exactly as in its `?token=`.
                 * @example q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6
                 */
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "userId": "5f2c9b7a-1d3e-4f60-8a9b-0c1d2e3f4a5b",
                     *       "domainId": "b3a1c2d4-e5f6-4718-9a0b-1c2d3e4f5a6b",
                     *       "status": "active"
                     *     }
                     */
                    "application/json": {
                        userId: string;
                        domainId: string;
                        /** @enum {string} */
                        status: "active" | "pending";
                    };
                };
            };
            400: components["responses"]["InvalidInput"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["AlreadyMemberOrRegistrationChangedOrInvitationChangedOrConflict"];
            410: components["responses"]["InvitationUsedOrInvitationRevokedOrInvitationExpired"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            502: components["responses"]["BadGateway"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    sendSetPasswordEmail: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The domain, as listed by GET /domains or GET /me.
                 * @example b3a1c2d4-e5f6-4718-9a0b-1c2d3e4f5a6b
                 */
                domainId: string;
                /**
                 * @description The member: their user id (the `sub` of their ID token).
                 * @example 5f2c9b7a-1d3e-4f60-8a9b-0c1d2e3f4a5b
                 */
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Accepted: the work waits on something, such as an emailed link */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "delivery": "queued",
                     *       "expiresAt": "2026-03-01T09:30:00Z"
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        delivery: "queued";
                        /** Format: date-time */
                        expiresAt: string;
                    };
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["MembershipInactiveOrMembershipPendingOrPermissionMissing"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["PasswordAlreadySetOrAccountChangedOrConflict"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["DailyEmailLimitOrThrottled"];
            500: components["responses"]["Internal"];
            502: components["responses"]["BadGateway"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    listLocations: {
        parameters: {
            query?: {
                /** @description How many items per page, from 1 to 100. */
                limit?: number;
                /** @description Where to go on: the `nextCursor` of the previous page, unchanged. Absent for the first page. */
                cursor?: string;
            };
            header?: never;
            path: {
                /**
                 * @description The domain, as listed by GET /domains or GET /me.
                 * @example b3a1c2d4-e5f6-4718-9a0b-1c2d3e4f5a6b
                 */
                domainId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "id": "7d0f3c1e-5b2a-4c8e-9f61-2a4b6c8d0e1f",
                     *           "name": "Grace Hopper",
                     *           "description": "Cordless drills and their chargers",
                     *           "assetCount": 1,
                     *           "version": 3
                     *         }
                     *       ],
                     *       "nextCursor": "eyJwayI6IkRPTUFJTiMxIn0"
                     *     }
                     */
                    "application/json": {
                        items: {
                            id: string;
                            name: string;
                            description: string;
                            assetCount: number;
                            version: number;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["MembershipInactiveOrMembershipPendingOrPermissionMissing"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            502: components["responses"]["BadGateway"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    createLocation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The domain, as listed by GET /domains or GET /me.
                 * @example b3a1c2d4-e5f6-4718-9a0b-1c2d3e4f5a6b
                 */
                domainId: string;
            };
            cookie?: never;
        };
        /** @description JSON, at most 16 KiB. */
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Grace Hopper",
                 *       "description": "Cordless drills and their chargers"
                 *     }
                 */
                "application/json": {
                    name: string;
                    description?: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    /** @description The version of the resource, for a later `If-Match`. */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "7d0f3c1e-5b2a-4c8e-9f61-2a4b6c8d0e1f",
                     *       "name": "Grace Hopper",
                     *       "description": "Cordless drills and their chargers",
                     *       "assetCount": 1,
                     *       "version": 3
                     *     }
                     */
                    "application/json": {
                        id: string;
                        name: string;
                        description: string;
                        assetCount: number;
                        version: number;
                    };
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["MembershipInactiveOrMembershipPendingOrPermissionMissing"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            502: components["responses"]["BadGateway"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    deleteLocation: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The ETag of the version you read (GET answers it in `ETag`). The change is made only if the resource is still at that version; otherwise 412 version-mismatch. Without it, the change applies to whatever version is current.
                 * @example "3"
                 */
                "If-Match"?: string;
            };
            path: {
                /**
                 * @description The domain, as listed by GET /domains or GET /me.
                 * @example b3a1c2d4-e5f6-4718-9a0b-1c2d3e4f5a6b
                 */
                domainId: string;
                /**
                 * @description The location.
                 * @example c4d5e6f7-0819-4a2b-8c3d-4e5f60718293
                 */
                locationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["MembershipInactiveOrMembershipPendingOrPermissionMissing"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["LocationNotEmptyOrBusy"];
            412: components["responses"]["VersionMismatch"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            502: components["responses"]["BadGateway"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    patchLocation: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The ETag of the version you read (GET answers it in `ETag`). The change is made only if the resource is still at that version; otherwise 412 version-mismatch. Without it, the change applies to whatever version is current.
                 * @example "3"
                 */
                "If-Match"?: string;
            };
            path: {
                /**
                 * @description The domain, as listed by GET /domains or GET /me.
                 * @example b3a1c2d4-e5f6-4718-9a0b-1c2d3e4f5a6b
                 */
                domainId: string;
                /**
                 * @description The location.
                 * @example c4d5e6f7-0819-4a2b-8c3d-4e5f60718293
                 */
                locationId: string;
            };
            cookie?: never;
        };
        /** @description JSON, at most 16 KiB. */
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Grace Hopper",
                 *       "description": "Cordless drills and their chargers"
                 *     }
                 */
                "application/json": {
                    name?: string;
                    description?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The version of the resource, for a later `If-Match`. */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "7d0f3c1e-5b2a-4c8e-9f61-2a4b6c8d0e1f",
                     *       "name": "Grace Hopper",
                     *       "description": "Cordless drills and their chargers",
                     *       "assetCount": 1,
                     *       "version": 3
                     *     }
                     */
                    "application/json": {
                        id: string;
                        name: string;
                        description: string;
                        assetCount: number;
                        version: number;
                    };
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["MembershipInactiveOrMembershipPendingOrPermissionMissing"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Busy"];
            412: components["responses"]["VersionMismatch"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            502: components["responses"]["BadGateway"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    listAssets: {
        parameters: {
            query?: {
                /** @description How many items per page, from 1 to 100. */
                limit?: number;
                /** @description Where to go on: the `nextCursor` of the previous page, unchanged. Absent for the first page. */
                cursor?: string;
                /** @description Search: keeps assets whose name or tag contains this text, in any case. */
                q?: string;
                /** @description Keeps assets kept at this location. */
                locationId?: string;
                /** @description Keeps assets checked out to this user. */
                holderId?: string;
                /** @description Keeps assets in this state. */
                status?: "available" | "checked_out";
            };
            header?: never;
            path: {
                /**
                 * @description The domain, as listed by GET /domains or GET /me.
                 * @example b3a1c2d4-e5f6-4718-9a0b-1c2d3e4f5a6b
                 */
                domainId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "id": "7d0f3c1e-5b2a-4c8e-9f61-2a4b6c8d0e1f",
                     *           "name": "Grace Hopper",
                     *           "tag": "DRILL-0042",
                     *           "locationId": "c4d5e6f7-0819-4a2b-8c3d-4e5f60718293",
                     *           "holderId": "5f2c9b7a-1d3e-4f60-8a9b-0c1d2e3f4a5b",
                     *           "holderName": "Grace Hopper",
                     *           "status": "available",
                     *           "checkedOutAt": "2026-03-01T09:30:00Z",
                     *           "createdAt": "2026-03-01T09:30:00Z",
                     *           "version": 3
                     *         }
                     *       ],
                     *       "nextCursor": "eyJwayI6IkRPTUFJTiMxIn0"
                     *     }
                     */
                    "application/json": {
                        items: {
                            id: string;
                            name: string;
                            tag: string;
                            locationId: string | null;
                            holderId: string | null;
                            holderName: string | null;
                            /** @enum {string} */
                            status: "available" | "checked_out";
                            checkedOutAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            version: number;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["MembershipInactiveOrMembershipPendingOrPermissionMissing"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            502: components["responses"]["BadGateway"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    createAsset: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The domain, as listed by GET /domains or GET /me.
                 * @example b3a1c2d4-e5f6-4718-9a0b-1c2d3e4f5a6b
                 */
                domainId: string;
            };
            cookie?: never;
        };
        /** @description JSON, at most 16 KiB. */
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Grace Hopper",
                 *       "tag": "DRILL-0042",
                 *       "locationId": "c4d5e6f7-0819-4a2b-8c3d-4e5f60718293"
                 *     }
                 */
                "application/json": {
                    name: string;
                    tag: string;
                    locationId?: string | null;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    /** @description The version of the resource, for a later `If-Match`. */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "7d0f3c1e-5b2a-4c8e-9f61-2a4b6c8d0e1f",
                     *       "name": "Grace Hopper",
                     *       "tag": "DRILL-0042",
                     *       "locationId": "c4d5e6f7-0819-4a2b-8c3d-4e5f60718293",
                     *       "holderId": "5f2c9b7a-1d3e-4f60-8a9b-0c1d2e3f4a5b",
                     *       "holderName": "Grace Hopper",
                     *       "status": "available",
                     *       "checkedOutAt": "2026-03-01T09:30:00Z",
                     *       "createdAt": "2026-03-01T09:30:00Z",
                     *       "version": 3
                     *     }
                     */
                    "application/json": {
                        id: string;
                        name: string;
                        tag: string;
                        locationId: string | null;
                        holderId: string | null;
                        holderName: string | null;
                        /** @enum {string} */
                        status: "available" | "checked_out";
                        checkedOutAt: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        version: number;
                    };
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["MembershipInactiveOrMembershipPendingOrPermissionMissing"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["TagTakenOrUnknownLocationOrConflictOrBusy"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            502: components["responses"]["BadGateway"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    getAsset: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The domain, as listed by GET /domains or GET /me.
                 * @example b3a1c2d4-e5f6-4718-9a0b-1c2d3e4f5a6b
                 */
                domainId: string;
                /**
                 * @description The asset.
                 * @example 0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d
                 */
                assetId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The version of the resource, for a later `If-Match`. */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "7d0f3c1e-5b2a-4c8e-9f61-2a4b6c8d0e1f",
                     *       "name": "Grace Hopper",
                     *       "tag": "DRILL-0042",
                     *       "locationId": "c4d5e6f7-0819-4a2b-8c3d-4e5f60718293",
                     *       "holderId": "5f2c9b7a-1d3e-4f60-8a9b-0c1d2e3f4a5b",
                     *       "holderName": "Grace Hopper",
                     *       "status": "available",
                     *       "checkedOutAt": "2026-03-01T09:30:00Z",
                     *       "createdAt": "2026-03-01T09:30:00Z",
                     *       "version": 3
                     *     }
                     */
                    "application/json": {
                        id: string;
                        name: string;
                        tag: string;
                        locationId: string | null;
                        holderId: string | null;
                        holderName: string | null;
                        /** @enum {string} */
                        status: "available" | "checked_out";
                        checkedOutAt: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        version: number;
                    };
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["MembershipInactiveOrMembershipPendingOrPermissionMissing"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            502: components["responses"]["BadGateway"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    deleteAsset: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The ETag of the version you read (GET answers it in `ETag`). The change is made only if the resource is still at that version; otherwise 412 version-mismatch. Without it, the change applies to whatever version is current.
                 * @example "3"
                 */
                "If-Match"?: string;
            };
            path: {
                /**
                 * @description The domain, as listed by GET /domains or GET /me.
                 * @example b3a1c2d4-e5f6-4718-9a0b-1c2d3e4f5a6b
                 */
                domainId: string;
                /**
                 * @description The asset.
                 * @example 0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d
                 */
                assetId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["MembershipInactiveOrMembershipPendingOrPermissionMissing"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["AssetCheckedOutOrBusy"];
            412: components["responses"]["VersionMismatch"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            502: components["responses"]["BadGateway"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    patchAsset: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The ETag of the version you read (GET answers it in `ETag`). The change is made only if the resource is still at that version; otherwise 412 version-mismatch. Without it, the change applies to whatever version is current.
                 * @example "3"
                 */
                "If-Match"?: string;
            };
            path: {
                /**
                 * @description The domain, as listed by GET /domains or GET /me.
                 * @example b3a1c2d4-e5f6-4718-9a0b-1c2d3e4f5a6b
                 */
                domainId: string;
                /**
                 * @description The asset.
                 * @example 0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d
                 */
                assetId: string;
            };
            cookie?: never;
        };
        /** @description JSON, at most 16 KiB. */
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Grace Hopper",
                 *       "tag": "DRILL-0042",
                 *       "locationId": "c4d5e6f7-0819-4a2b-8c3d-4e5f60718293"
                 *     }
                 */
                "application/json": {
                    name?: string;
                    tag?: string;
                    locationId?: string | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The version of the resource, for a later `If-Match`. */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "7d0f3c1e-5b2a-4c8e-9f61-2a4b6c8d0e1f",
                     *       "name": "Grace Hopper",
                     *       "tag": "DRILL-0042",
                     *       "locationId": "c4d5e6f7-0819-4a2b-8c3d-4e5f60718293",
                     *       "holderId": "5f2c9b7a-1d3e-4f60-8a9b-0c1d2e3f4a5b",
                     *       "holderName": "Grace Hopper",
                     *       "status": "available",
                     *       "checkedOutAt": "2026-03-01T09:30:00Z",
                     *       "createdAt": "2026-03-01T09:30:00Z",
                     *       "version": 3
                     *     }
                     */
                    "application/json": {
                        id: string;
                        name: string;
                        tag: string;
                        locationId: string | null;
                        holderId: string | null;
                        holderName: string | null;
                        /** @enum {string} */
                        status: "available" | "checked_out";
                        checkedOutAt: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        version: number;
                    };
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["MembershipInactiveOrMembershipPendingOrPermissionMissing"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["TagTakenOrUnknownLocationOrBusy"];
            412: components["responses"]["VersionMismatch"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            502: components["responses"]["BadGateway"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    checkoutAsset: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The ETag of the version you read (GET answers it in `ETag`). The change is made only if the resource is still at that version; otherwise 412 version-mismatch. Without it, the change applies to whatever version is current.
                 * @example "3"
                 */
                "If-Match"?: string;
            };
            path: {
                /**
                 * @description The domain, as listed by GET /domains or GET /me.
                 * @example b3a1c2d4-e5f6-4718-9a0b-1c2d3e4f5a6b
                 */
                domainId: string;
                /**
                 * @description The asset.
                 * @example 0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d
                 */
                assetId: string;
            };
            cookie?: never;
        };
        /** @description JSON, at most 16 KiB. */
        requestBody?: {
            content: {
                /**
                 * @example {
                 *       "holderId": "5f2c9b7a-1d3e-4f60-8a9b-0c1d2e3f4a5b"
                 *     }
                 */
                "application/json": {
                    holderId?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The version of the resource, for a later `If-Match`. */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "7d0f3c1e-5b2a-4c8e-9f61-2a4b6c8d0e1f",
                     *       "name": "Grace Hopper",
                     *       "tag": "DRILL-0042",
                     *       "locationId": "c4d5e6f7-0819-4a2b-8c3d-4e5f60718293",
                     *       "holderId": "5f2c9b7a-1d3e-4f60-8a9b-0c1d2e3f4a5b",
                     *       "holderName": "Grace Hopper",
                     *       "status": "available",
                     *       "checkedOutAt": "2026-03-01T09:30:00Z",
                     *       "createdAt": "2026-03-01T09:30:00Z",
                     *       "version": 3
                     *     }
                     */
                    "application/json": {
                        id: string;
                        name: string;
                        tag: string;
                        locationId: string | null;
                        holderId: string | null;
                        holderName: string | null;
                        /** @enum {string} */
                        status: "available" | "checked_out";
                        checkedOutAt: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        version: number;
                    };
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["MembershipInactiveOrMembershipPendingOrPermissionMissing"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["AssetCheckedOutOrHolderNotActiveOrBusy"];
            412: components["responses"]["VersionMismatch"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            502: components["responses"]["BadGateway"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    checkinAsset: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The ETag of the version you read (GET answers it in `ETag`). The change is made only if the resource is still at that version; otherwise 412 version-mismatch. Without it, the change applies to whatever version is current.
                 * @example "3"
                 */
                "If-Match"?: string;
            };
            path: {
                /**
                 * @description The domain, as listed by GET /domains or GET /me.
                 * @example b3a1c2d4-e5f6-4718-9a0b-1c2d3e4f5a6b
                 */
                domainId: string;
                /**
                 * @description The asset.
                 * @example 0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d
                 */
                assetId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The version of the resource, for a later `If-Match`. */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "7d0f3c1e-5b2a-4c8e-9f61-2a4b6c8d0e1f",
                     *       "name": "Grace Hopper",
                     *       "tag": "DRILL-0042",
                     *       "locationId": "c4d5e6f7-0819-4a2b-8c3d-4e5f60718293",
                     *       "holderId": "5f2c9b7a-1d3e-4f60-8a9b-0c1d2e3f4a5b",
                     *       "holderName": "Grace Hopper",
                     *       "status": "available",
                     *       "checkedOutAt": "2026-03-01T09:30:00Z",
                     *       "createdAt": "2026-03-01T09:30:00Z",
                     *       "version": 3
                     *     }
                     */
                    "application/json": {
                        id: string;
                        name: string;
                        tag: string;
                        locationId: string | null;
                        holderId: string | null;
                        holderName: string | null;
                        /** @enum {string} */
                        status: "available" | "checked_out";
                        checkedOutAt: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        version: number;
                    };
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["MembershipInactiveOrMembershipPendingOrPermissionMissing"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["AssetNotCheckedOutOrBusy"];
            412: components["responses"]["VersionMismatch"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            502: components["responses"]["BadGateway"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    listReservations: {
        parameters: {
            query?: {
                /** @description How many items per page, from 1 to 100. */
                limit?: number;
                /** @description Where to go on: the `nextCursor` of the previous page, unchanged. Absent for the first page. */
                cursor?: string;
            };
            header?: never;
            path: {
                /**
                 * @description The domain, as listed by GET /domains or GET /me.
                 * @example b3a1c2d4-e5f6-4718-9a0b-1c2d3e4f5a6b
                 */
                domainId: string;
                /**
                 * @description The asset.
                 * @example 0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d
                 */
                assetId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "id": "7d0f3c1e-5b2a-4c8e-9f61-2a4b6c8d0e1f",
                     *           "assetId": "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
                     *           "from": "2026-03-02T08:00:00Z",
                     *           "to": "2026-03-02T17:00:00Z",
                     *           "by": "9e8d7c6b-5a49-4382-b1a0-f9e8d7c6b5a4",
                     *           "createdAt": "2026-03-01T09:30:00Z"
                     *         }
                     *       ],
                     *       "nextCursor": "eyJwayI6IkRPTUFJTiMxIn0"
                     *     }
                     */
                    "application/json": {
                        items: {
                            id: string;
                            assetId: string;
                            /** Format: date-time */
                            from: string;
                            /** Format: date-time */
                            to: string;
                            by: string;
                            /** Format: date-time */
                            createdAt: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["MembershipInactiveOrMembershipPendingOrPermissionMissing"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            502: components["responses"]["BadGateway"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    createReservation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The domain, as listed by GET /domains or GET /me.
                 * @example b3a1c2d4-e5f6-4718-9a0b-1c2d3e4f5a6b
                 */
                domainId: string;
                /**
                 * @description The asset.
                 * @example 0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d
                 */
                assetId: string;
            };
            cookie?: never;
        };
        /** @description JSON, at most 16 KiB. */
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "from": "2026-03-02T08:00:00Z",
                 *       "to": "2026-03-02T17:00:00Z"
                 *     }
                 */
                "application/json": {
                    /** Format: date-time */
                    from: string;
                    /** Format: date-time */
                    to: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "7d0f3c1e-5b2a-4c8e-9f61-2a4b6c8d0e1f",
                     *       "assetId": "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
                     *       "from": "2026-03-02T08:00:00Z",
                     *       "to": "2026-03-02T17:00:00Z",
                     *       "by": "9e8d7c6b-5a49-4382-b1a0-f9e8d7c6b5a4",
                     *       "createdAt": "2026-03-01T09:30:00Z"
                     *     }
                     */
                    "application/json": {
                        id: string;
                        assetId: string;
                        /** Format: date-time */
                        from: string;
                        /** Format: date-time */
                        to: string;
                        by: string;
                        /** Format: date-time */
                        createdAt: string;
                    };
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["MembershipInactiveOrMembershipPendingOrPermissionMissing"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["ReservationOverlapsOrBusy"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            502: components["responses"]["BadGateway"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    listMemberAssets: {
        parameters: {
            query?: {
                /** @description How many items per page, from 1 to 100. */
                limit?: number;
                /** @description Where to go on: the `nextCursor` of the previous page, unchanged. Absent for the first page. */
                cursor?: string;
            };
            header?: never;
            path: {
                /**
                 * @description The domain, as listed by GET /domains or GET /me.
                 * @example b3a1c2d4-e5f6-4718-9a0b-1c2d3e4f5a6b
                 */
                domainId: string;
                /**
                 * @description The member: their user id (the `sub` of their ID token).
                 * @example 5f2c9b7a-1d3e-4f60-8a9b-0c1d2e3f4a5b
                 */
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "id": "7d0f3c1e-5b2a-4c8e-9f61-2a4b6c8d0e1f",
                     *           "name": "Grace Hopper",
                     *           "tag": "DRILL-0042",
                     *           "locationId": "c4d5e6f7-0819-4a2b-8c3d-4e5f60718293",
                     *           "holderId": "5f2c9b7a-1d3e-4f60-8a9b-0c1d2e3f4a5b",
                     *           "holderName": "Grace Hopper",
                     *           "status": "available",
                     *           "checkedOutAt": "2026-03-01T09:30:00Z",
                     *           "createdAt": "2026-03-01T09:30:00Z",
                     *           "version": 3
                     *         }
                     *       ],
                     *       "nextCursor": "eyJwayI6IkRPTUFJTiMxIn0"
                     *     }
                     */
                    "application/json": {
                        items: {
                            id: string;
                            name: string;
                            tag: string;
                            locationId: string | null;
                            holderId: string | null;
                            holderName: string | null;
                            /** @enum {string} */
                            status: "available" | "checked_out";
                            checkedOutAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            version: number;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["MembershipInactiveOrMembershipPendingOrPermissionMissing"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["Internal"];
            502: components["responses"]["BadGateway"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
}
