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
         * @description Public: no token.
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
         * @description Public: no token.
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
    "/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller: profile and memberships with their permissions
         * @description Any signed-in user.
         */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change the caller's name or language
         * @description Any signed-in user.
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
         * @description Any signed-in user.
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
         * @description Public: no token.
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
         * @description Public: no token.
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
         * @description Any signed-in user.
         */
        get: operations["listDomains"];
        put?: never;
        /**
         * Create a domain; the calling owner becomes its first administrator
         * @description An owner of the organisation.
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
         * @description An active or pending member of the domain.
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
         * @description Needs settings:view in the domain.
         */
        get: operations["getSettings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change some of the domain's settings; If-Match makes it conditional
         * @description Needs settings:update in the domain.
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
         * @description Needs roles:view in the domain.
         */
        get: operations["listRoles"];
        put?: never;
        /**
         * Create a custom role from permissions the caller holds
         * @description Needs roles:manage in the domain.
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
         * @description Needs roles:manage in the domain.
         */
        delete: operations["deleteRole"];
        options?: never;
        head?: never;
        /**
         * Edit a custom role; its members' next requests follow. Built-in roles: 409
         * @description Needs roles:manage in the domain.
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
         * @description Needs members:view in the domain.
         */
        get: operations["listMembers"];
        put?: never;
        /**
         * Add a member by hand: active at once; a new account gets a single-use set-password email
         * @description Needs members:create in the domain.
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
         * @description Needs members:view in the domain.
         */
        get: operations["getMember"];
        put?: never;
        post?: never;
        /**
         * Remove a membership (history keeps the record); 409 member-holds-assets lists what they hold unless ?force=true
         * @description Needs members:delete in the domain.
         */
        delete: operations["deleteMember"];
        options?: never;
        head?: never;
        /**
         * Change a member's role, status, name or language; a role activates a pending member
         * @description Needs members:update in the domain.
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
         * @description Needs history:view in the domain.
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
         * @description Needs members:view and history:view in the domain.
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
         * @description Needs members:update in the domain.
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
         * @description Needs invitations:view in the domain.
         */
        get: operations["listInvitations"];
        put?: never;
        /**
         * Invite up to 50 addresses with one role, or up to 500 rows of a text/csv body (email,role,language); one result per address
         * @description Needs invitations:create in the domain.
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
         * @description Needs invitations:create in the domain.
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
         * @description Needs invitations:delete in the domain.
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
         * @description Needs invitations:create in the domain.
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
         * @description Public: no token.
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
         * @description Public: no token.
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
         * @description Public: no token.
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
         * A new set-password email for a member whose account has no password yet; the earlier link dies at once; 409 password-already-set
         * @description Needs members:create in the domain.
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
         * @description Needs locations:view in the domain.
         */
        get: operations["listLocations"];
        put?: never;
        /**
         * Create a location
         * @description Needs locations:create in the domain.
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
         * @description Needs locations:delete in the domain.
         */
        delete: operations["deleteLocation"];
        options?: never;
        head?: never;
        /**
         * Change a location's name or description; If-Match makes it conditional
         * @description Needs locations:update in the domain.
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
         * @description Needs assets:view in the domain.
         */
        get: operations["listAssets"];
        put?: never;
        /**
         * Create an asset; its tag must be free in the domain (409) and its location must exist (409)
         * @description Needs assets:create in the domain.
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
         * @description Needs assets:view in the domain.
         */
        get: operations["getAsset"];
        put?: never;
        post?: never;
        /**
         * Delete an asset; 409 while it is checked out
         * @description Needs assets:delete in the domain.
         */
        delete: operations["deleteAsset"];
        options?: never;
        head?: never;
        /**
         * Change an asset's name, tag or location; If-Match makes it conditional
         * @description Needs assets:update in the domain.
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
         * @description Needs assets:checkout in the domain.
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
         * @description Needs assets:checkin in the domain.
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
         * @description Needs assets:view in the domain.
         */
        get: operations["listReservations"];
        put?: never;
        /**
         * Reserve an asset for [from, to); 409 when it overlaps another reservation of the asset
         * @description Needs assets:reserve in the domain.
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
         * @description Needs assets:view in the domain.
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
        Problem: {
            /** Format: uri */
            type: string;
            title: string;
            status: number;
            detail: string;
            errors?: {
                path?: string;
                message?: string;
            }[];
            /** @description With member-holds-assets: the assets the member still holds. */
            assetsHeld?: {
                id: string;
                name: string;
                tag: string;
            }[];
        };
    };
    responses: {
        /** @description RFC 9457 problem */
        Problem: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
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
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        status: "ok";
                    };
                };
            };
            400: components["responses"]["Problem"];
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
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            400: components["responses"]["Problem"];
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
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        userId: string;
                        email: string;
                        name: string;
                        /** @enum {string} */
                        language: "en" | "fi" | "fr" | "sv" | "de";
                        owner: boolean;
                        memberships: {
                            domainId: string;
                            domainName: string;
                            role: string | null;
                            /** @enum {string} */
                            status: "active" | "inactive" | "pending";
                            permissions: string[];
                        }[];
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
        };
    };
    patchMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    /** @enum {string} */
                    language?: "en" | "fi" | "fr" | "sv" | "de";
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        userId: string;
                        email: string;
                        name: string;
                        /** @enum {string} */
                        language: "en" | "fi" | "fr" | "sv" | "de";
                        owner: boolean;
                        memberships: {
                            domainId: string;
                            domainName: string;
                            role: string | null;
                            /** @enum {string} */
                            status: "active" | "inactive" | "pending";
                            permissions: string[];
                        }[];
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
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
            /** @description Success */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
        };
    };
    requestPasswordReset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email: string;
                };
            };
        };
        responses: {
            /** @description Success */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        status: "requested";
                    };
                };
            };
            400: components["responses"]["Problem"];
        };
    };
    completePasswordReset: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    password: string;
                };
            };
        };
        responses: {
            /** @description Success */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Problem"];
        };
    };
    listDomains: {
        parameters: {
            query?: {
                limit?: string;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            name: string;
                            role: string | null;
                            /** @enum {string} */
                            status: "active" | "inactive" | "pending";
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
        };
    };
    createDomain: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
        };
    };
    getDomain: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                domainId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
        };
    };
    getSettings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                domainId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
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
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
        };
    };
    patchSettings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                domainId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
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
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
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
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
        };
    };
    listRoles: {
        parameters: {
            query?: {
                limit?: string;
                cursor?: string;
            };
            header?: never;
            path: {
                domainId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
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
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
        };
    };
    createRole: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                domainId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    description?: string;
                    permissions: ("*" | "settings:view" | "settings:update" | "members:view" | "members:create" | "members:update" | "members:delete" | "roles:view" | "roles:manage" | "invitations:view" | "invitations:create" | "invitations:delete" | "history:view" | "assets:view" | "assets:create" | "assets:update" | "assets:delete" | "assets:checkout" | "assets:checkin" | "assets:reserve" | "locations:view" | "locations:create" | "locations:update" | "locations:delete")[];
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
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
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
        };
    };
    deleteRole: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                domainId: string;
                roleId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
        };
    };
    patchRole: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                domainId: string;
                roleId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    description?: string;
                    permissions?: ("*" | "settings:view" | "settings:update" | "members:view" | "members:create" | "members:update" | "members:delete" | "roles:view" | "roles:manage" | "invitations:view" | "invitations:create" | "invitations:delete" | "history:view" | "assets:view" | "assets:create" | "assets:update" | "assets:delete" | "assets:checkout" | "assets:checkin" | "assets:reserve" | "locations:view" | "locations:create" | "locations:update" | "locations:delete")[];
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
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
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
        };
    };
    listMembers: {
        parameters: {
            query?: {
                limit?: string;
                cursor?: string;
                q?: string;
                role?: string;
                status?: "active" | "inactive" | "pending";
            };
            header?: never;
            path: {
                domainId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            userId: string;
                            email: string;
                            emailVerified: boolean;
                            name: string;
                            /** @enum {string} */
                            language: "en" | "fi" | "fr" | "sv" | "de";
                            role: string | null;
                            /** @enum {string} */
                            status: "active" | "inactive" | "pending";
                            createdAt: string;
                            invitedBy: string | null;
                            lastActiveAt: string | null;
                            version: number;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
        };
    };
    addMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                domainId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email: string;
                    name: string;
                    /** @enum {string} */
                    language: "en" | "fi" | "fr" | "sv" | "de";
                    role: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        userId: string;
                        email: string;
                        emailVerified: boolean;
                        name: string;
                        /** @enum {string} */
                        language: "en" | "fi" | "fr" | "sv" | "de";
                        role: string | null;
                        /** @enum {string} */
                        status: "active" | "inactive" | "pending";
                        createdAt: string;
                        invitedBy: string | null;
                        lastActiveAt: string | null;
                        version: number;
                        /** @enum {string} */
                        setPasswordEmail: "sent" | "failed" | "not_needed";
                        /** @enum {string} */
                        addedEmail: "sent" | "failed" | "not_needed";
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
        };
    };
    getMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                domainId: string;
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        userId: string;
                        email: string;
                        emailVerified: boolean;
                        name: string;
                        /** @enum {string} */
                        language: "en" | "fi" | "fr" | "sv" | "de";
                        role: string | null;
                        /** @enum {string} */
                        status: "active" | "inactive" | "pending";
                        createdAt: string;
                        invitedBy: string | null;
                        lastActiveAt: string | null;
                        version: number;
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
        };
    };
    deleteMember: {
        parameters: {
            query?: {
                force?: "true" | "false";
            };
            header?: never;
            path: {
                domainId: string;
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
        };
    };
    patchMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                domainId: string;
                userId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
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
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        userId: string;
                        email: string;
                        emailVerified: boolean;
                        name: string;
                        /** @enum {string} */
                        language: "en" | "fi" | "fr" | "sv" | "de";
                        role: string | null;
                        /** @enum {string} */
                        status: "active" | "inactive" | "pending";
                        createdAt: string;
                        invitedBy: string | null;
                        lastActiveAt: string | null;
                        version: number;
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
        };
    };
    listHistory: {
        parameters: {
            query?: {
                limit?: string;
                cursor?: string;
                actor?: string;
                target?: string;
                action?: string;
                from?: string;
                to?: string;
            };
            header?: never;
            path: {
                domainId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            at: string;
                            actor: string;
                            action: string;
                            targetType: string;
                            targetId: string;
                            before: unknown;
                            after: unknown;
                            /** @constant */
                            redacted?: true;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
        };
    };
    getAccessReview: {
        parameters: {
            query?: {
                format?: "json" | "csv";
            };
            header?: never;
            path: {
                domainId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        domainId: string;
                        generatedAt: string;
                        staleAfterDays: number;
                        members: {
                            userId: string;
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
                            at: string;
                            by: string;
                            note: string | null;
                        } | null;
                        nextDueAt: string;
                    };
                    "text/csv": string;
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
        };
    };
    signOffAccessReview: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                domainId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    note?: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        at: string;
                        by: string;
                        note: string | null;
                        nextDueAt: string;
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
        };
    };
    listInvitations: {
        parameters: {
            query?: {
                limit?: string;
                cursor?: string;
                kind?: "email" | "link";
                status?: "pending" | "expired";
                email?: string;
            };
            header?: never;
            path: {
                domainId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            /** @enum {string} */
                            kind: "email" | "link";
                            email: string | null;
                            role: string | null;
                            /** @enum {string} */
                            status: "pending" | "expired";
                            delivery: ("pending" | "sent" | "failed") | null;
                            invitedBy: string;
                            createdAt: string;
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
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
        };
    };
    createInvitations: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                domainId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    emails: string[];
                    role: string;
                    validDays?: number;
                    message?: string;
                } | {
                    csv: string;
                };
                "text/csv": string;
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        results: {
                            email: string;
                            row?: number;
                            /** @enum {string} */
                            status: "invited" | "refreshed" | "already_member" | "invalid";
                            reason?: string;
                            invitationId?: string;
                            /** @enum {string} */
                            delivery?: "sent" | "failed";
                        }[];
                        summary: {
                            invited: number;
                            refreshed: number;
                            already_member: number;
                            invalid: number;
                            deliveryFailed: number;
                        };
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
        };
    };
    resendInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                domainId: string;
                invitationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @enum {string} */
                        kind: "email" | "link";
                        email: string | null;
                        role: string | null;
                        /** @enum {string} */
                        status: "pending" | "expired";
                        delivery: ("pending" | "sent" | "failed") | null;
                        invitedBy: string;
                        createdAt: string;
                        expiresAt: string;
                        maxUses: number | null;
                        uses: number;
                        allowedEmailDomains: string[] | null;
                        version: number;
                        url?: string;
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
        };
    };
    revokeInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                domainId: string;
                invitationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
        };
    };
    createInviteLink: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                domainId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    validDays: number;
                    maxUses?: number;
                    role?: string;
                    allowedEmailDomains?: string[];
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        url: string;
                        expiresAt: string;
                        maxUses: number | null;
                        uses: number;
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
        };
    };
    previewInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        kind: "email" | "link" | "set-password";
                        domainName: string;
                        invitedBy: string;
                        email?: string;
                        role?: string | null;
                        expiresAt: string;
                    };
                };
            };
            400: components["responses"]["Problem"];
        };
    };
    acceptInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email?: string;
                    name?: string;
                    password?: string;
                    /** @enum {string} */
                    language?: "en" | "fi" | "fr" | "sv" | "de";
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        userId: string;
                        domainId: string;
                        /** @enum {string} */
                        status: "active" | "pending";
                    };
                };
            };
            /** @description Accepted: the effect waits on an emailed link */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        status: "verification_sent";
                        email: string;
                    };
                };
            };
            400: components["responses"]["Problem"];
        };
    };
    verifyEmail: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        userId: string;
                        domainId: string;
                        /** @enum {string} */
                        status: "active" | "pending";
                    };
                };
            };
            400: components["responses"]["Problem"];
        };
    };
    sendSetPasswordEmail: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                domainId: string;
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        delivery: "sent" | "failed";
                        expiresAt: string;
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
        };
    };
    listLocations: {
        parameters: {
            query?: {
                limit?: string;
                cursor?: string;
            };
            header?: never;
            path: {
                domainId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
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
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
        };
    };
    createLocation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                domainId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    description?: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        description: string;
                        assetCount: number;
                        version: number;
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
        };
    };
    deleteLocation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                domainId: string;
                locationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
        };
    };
    patchLocation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                domainId: string;
                locationId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    description?: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        description: string;
                        assetCount: number;
                        version: number;
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
        };
    };
    listAssets: {
        parameters: {
            query?: {
                limit?: string;
                cursor?: string;
                q?: string;
                locationId?: string;
                holderId?: string;
                status?: "available" | "checked_out";
            };
            header?: never;
            path: {
                domainId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
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
                            createdAt: string;
                            version: number;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
        };
    };
    createAsset: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                domainId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    tag: string;
                    locationId?: string | null;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
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
                        createdAt: string;
                        version: number;
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
        };
    };
    getAsset: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                domainId: string;
                assetId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
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
                        createdAt: string;
                        version: number;
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
        };
    };
    deleteAsset: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                domainId: string;
                assetId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
        };
    };
    patchAsset: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                domainId: string;
                assetId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    tag?: string;
                    locationId?: string | null;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
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
                        createdAt: string;
                        version: number;
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
        };
    };
    checkoutAsset: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                domainId: string;
                assetId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    holderId?: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
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
                        createdAt: string;
                        version: number;
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
        };
    };
    checkinAsset: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                domainId: string;
                assetId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
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
                        createdAt: string;
                        version: number;
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
        };
    };
    listReservations: {
        parameters: {
            query?: {
                limit?: string;
                cursor?: string;
            };
            header?: never;
            path: {
                domainId: string;
                assetId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            assetId: string;
                            from: string;
                            to: string;
                            by: string;
                            createdAt: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
        };
    };
    createReservation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                domainId: string;
                assetId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: date-time */
                    from: string;
                    /** Format: date-time */
                    to: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        assetId: string;
                        from: string;
                        to: string;
                        by: string;
                        createdAt: string;
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
        };
    };
    listMemberAssets: {
        parameters: {
            query?: {
                limit?: string;
                cursor?: string;
            };
            header?: never;
            path: {
                domainId: string;
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
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
                            createdAt: string;
                            version: number;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
        };
    };
}
