/** What the store reads and writes, without keys. */
import type { Language } from '#shared/http/schemas.ts';
import type { Grant } from '#shared/permissions.ts';
import type { MembershipStatus, Settings } from '#shared/schemas/domain.ts';

export type DomainSettings = Omit<Settings, 'name'>;

export interface CustomRole {
  id: string;
  name: string;
  description: string;
  permissions: Grant[];
  createdAt: string;
  version: number;
}

export interface AccessReviewSignOff {
  at: string;
  by: string;
  note: string | null;
}

export interface DomainRecord {
  id: string;
  name: string;
  settings: DomainSettings;
  /** Custom roles live in the domain item, so one read authorizes a request. */
  customRoles: Record<string, CustomRole>;
  /** Active members holding an admin role: a domain never goes below one. */
  activeAdmins: number;
  /** Members per role id, whatever their status: a role in use cannot be deleted. */
  roleMembers: Record<string, number>;
  /** Active members per role id: what an edit that adds or removes `*` does to activeAdmins. */
  roleActive: Record<string, number>;
  /** Bumped by every custom role change, so a membership change never counts on a stale role. */
  rolesVersion: number;
  lastAccessReview: AccessReviewSignOff | null;
  /** The review due date the daily sweep last sent a reminder for (once per due date). */
  reviewReminderFor?: string;
  createdAt: string;
  createdBy: string;
  version: number;
}

export interface MembershipRecord {
  domainId: string;
  userId: string;
  email: string;
  emailVerified: boolean;
  name: string;
  language: Language;
  role: string | null;
  status: MembershipStatus;
  createdAt: string;
  invitedBy: string | null;
  lastActiveAt: string | null;
  version: number;
  /**
   * How many assets are checked out to this membership: moved by each checkout (+1) and
   * checkin (-1) in the asset's own transaction (shared/store/asset-store.ts), so a removal
   * without force can be refused by the table itself (shared/store/member-store.ts). Absent
   * means none. The store's own: never set by domain code, never in an API answer.
   */
  assetsHeldCount?: number;
}

export interface UserRecord {
  userId: string;
  email: string;
  name: string;
  language: Language;
  owner: boolean;
  emailVerified: boolean;
  createdAt: string;
  version: number;
  /**
   * Session cut-off, epoch seconds: an ID token issued at or before it (`iat` <= this) is
   * refused everywhere (sign-out, password set or reset, account disabled).
   */
  sessionsValidAfter?: number;
  /** When name or language last changed: the table stream copies them into every membership, with this time. */
  profileUpdatedAt?: string;
  /** SHA-256 of the account's one live set-password token (a resend replaces it); absent once a password is set. */
  setPasswordTokenHash?: string;
  /** SHA-256 of the account's one live password reset link (a newer request replaces it; a reset removes it). */
  resetTokenHash?: string;
}

export interface HistoryEvent {
  id: string;
  at: string;
  actor: string;
  action: string;
  targetType: string;
  targetId: string;
  before: unknown;
  after: unknown;
}
