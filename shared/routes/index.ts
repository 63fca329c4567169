/**
 * The route table: every route of the API, read top to bottom. The CDK API, the local
 * gateway, the OpenAPI document and the route x role test matrix are built from it.
 * Handlers import their own route from the area modules, never this index, so a
 * function's bundle holds only its own schemas.
 */
import type { RouteDefinition } from '#shared/http/route.ts';
import * as assets from '#shared/routes/assets.ts';
import * as auth from '#shared/routes/auth.ts';
import * as domains from '#shared/routes/domains.ts';
import * as invitations from '#shared/routes/invitations.ts';
import * as me from '#shared/routes/me.ts';
import * as members from '#shared/routes/members.ts';
import * as roles from '#shared/routes/roles.ts';
import * as system from '#shared/routes/system.ts';

export const ROUTES: readonly RouteDefinition[] = [
  system.getHealth,
  system.getOpenApi,
  system.getDocs,
  system.getDocsScript,
  me.getMe,
  me.patchMe,
  auth.signOut,
  auth.requestPasswordReset,
  auth.completePasswordReset,
  domains.listDomains,
  domains.createDomain,
  domains.getDomain,
  domains.getSettings,
  domains.patchSettings,
  roles.listRoles,
  roles.createRole,
  roles.patchRole,
  roles.deleteRole,
  members.listMembers,
  members.getMember,
  members.patchMember,
  members.deleteMember,
  members.listHistory,
  members.getAccessReview,
  members.signOffAccessReview,
  invitations.listInvitations,
  invitations.createInvitations,
  invitations.resendInvitation,
  invitations.revokeInvitation,
  invitations.createInviteLink,
  invitations.previewInvitation,
  invitations.acceptInvitation,
  invitations.addMember,
  invitations.verifyEmail,
  invitations.sendSetPasswordEmail,
  assets.listLocations,
  assets.createLocation,
  assets.patchLocation,
  assets.deleteLocation,
  assets.listAssets,
  assets.createAsset,
  assets.getAsset,
  assets.patchAsset,
  assets.deleteAsset,
  assets.checkoutAsset,
  assets.checkinAsset,
  assets.createReservation,
  assets.listReservations,
  assets.listMemberAssets,
];
