/**
 * The key formats, one export each, so a function's bundle keeps only those it uses. Code
 * reads them as `keys.<name>` through shared/store/keys.ts, which describes the layout.
 */
export const domain = (domainId: string) => ({ pk: `DOMAIN#${domainId}`, sk: 'DOMAIN' });
export const membership = (domainId: string, userId: string) => ({ pk: `DOMAIN#${domainId}`, sk: `MEMBER#${userId}` });
export const membershipByUser = (userId: string, domainId: string) => ({ gsi1pk: `USER#${userId}`, gsi1sk: `DOMAIN#${domainId}` });
export const userMembershipsPartition = (userId: string) => `USER#${userId}`;
export const membershipByName = (domainId: string, name: string, userId: string) => ({
  gsi2pk: `MEMBERS#${domainId}`,
  gsi2sk: `${name.toLowerCase()}#${userId}`,
});
/** One of a domain's member search buckets (shared/store/member-search.ts): a membership's bucket follows from its user id. */
export const memberSearchBucket = (domainId: string, bucket: number) => ({ pk: `DOMAIN#${domainId}`, sk: `MEMBERSEARCH#${String(bucket).padStart(2, '0')}` });
export const memberSearchPrefix = 'MEMBERSEARCH#';
/** Says a domain's member search buckets hold every member; sorts among the buckets, so the search's first range query reads it. */
export const memberSearchReady = (domainId: string) => ({ pk: `DOMAIN#${domainId}`, sk: 'MEMBERSEARCH#00#READY' });
export const user = (userId: string) => ({ pk: `USER#${userId}`, sk: 'PROFILE' });
export const email = (email: string) => ({ pk: `EMAIL#${email.toLowerCase()}`, sk: 'EMAIL' });
export const historyEvent = (domainId: string, at: string, eventId: string) => ({ pk: `DOMAIN#${domainId}`, sk: `EVENT#${at}#${eventId}` });
export const invitation = (domainId: string, invitationId: string) => ({ pk: `DOMAIN#${domainId}`, sk: `INVITE#${invitationId}` });
export const invitationPrefix = 'INVITE#';
export const token = (tokenHash: string) => ({ pk: `TOKEN#${tokenHash}`, sk: 'TOKEN' });
/** What outlives a token's TTL: its expiry only, so its link still answers 410 expired. */
export const tokenExpiry = (tokenHash: string) => ({ pk: `TOKEN#${tokenHash}`, sk: 'EXPIRY' });
/** A registration through a link that waits for its address to be verified. */
export const registration = (email: string) => ({ pk: `REGISTRATION#${email.toLowerCase()}`, sk: 'REGISTRATION' });
export const mailDay = (domainId: string, day: string) => ({ pk: `DOMAIN#${domainId}`, sk: `MAILDAY#${day}` });
export const allDomains = (domainId: string) => ({ gsi1pk: 'DOMAINS', gsi1sk: `DOMAIN#${domainId}` });
export const bootstrap = () => ({ pk: 'STACK', sk: 'BOOTSTRAP' });
export const activeSince = (domainId: string, since: string, userId: string) => ({ gsi3pk: `DUE#ACTIVE#${domainId}`, gsi3sk: `${since}#${userId}` });
export const pendingSince = (domainId: string, since: string, userId: string) => ({ gsi3pk: `DUE#PENDING#${domainId}`, gsi3sk: `${since}#${userId}` });
export const orphanSince = (since: string, userId: string) => ({ gsi3pk: 'DUE#ORPHAN', gsi3sk: `${since}#${userId}` });
export const byRole = (domainId: string, roleId: string, status: string, userId: string) => ({ gsi4pk: `ROLE#${domainId}#${roleId}`, gsi4sk: `${status}#${userId}` });
export const location = (domainId: string, locationId: string) => ({ pk: `DOMAIN#${domainId}`, sk: `LOCATION#${locationId}` });
export const locationByName = (domainId: string, name: string, locationId: string) => ({
  gsi2pk: `LOCATIONS#${domainId}`,
  gsi2sk: `${name.toLowerCase()}#${locationId}`,
});
export const asset = (domainId: string, assetId: string) => ({ pk: `DOMAIN#${domainId}`, sk: `ASSET#${assetId}` });
export const assetByName = (domainId: string, name: string, assetId: string) => ({
  gsi2pk: `ASSETS#${domainId}`,
  gsi2sk: `${name.toLowerCase()}#${assetId}`,
});
/** Only a checked-out asset carries these: the holder index is sparse. */
export const assetByHolder = (domainId: string, holderId: string, name: string, assetId: string) => ({
  gsi1pk: `HELD#${domainId}`,
  gsi1sk: `${holderId}#${name.toLowerCase()}#${assetId}`,
});
export const heldAssetsPartition = (domainId: string) => `HELD#${domainId}`;
/** Ids never hold '#', so this prefix selects exactly one holder's assets. */
export const heldByPrefix = (holderId: string) => `${holderId}#`;
export const assetTag = (domainId: string, tag: string) => ({ pk: `DOMAIN#${domainId}`, sk: `ASSETTAG#${tag.toLowerCase()}` });
export const reservation = (domainId: string, assetId: string, from: string, reservationId: string) => ({
  pk: `DOMAIN#${domainId}`,
  sk: `ASSET#${assetId}#RES#${from}#${reservationId}`,
});
/** The sort key range of an asset's reservations ('~' sorts after every character keys use). */
export const reservationsOf = (domainId: string, assetId: string) => ({ pk: `DOMAIN#${domainId}`, first: `ASSET#${assetId}#RES#`, last: `ASSET#${assetId}#RES#~` });
/** The sort key range of an asset and its reservations that start before `startingBefore`, the asset first. */
export const assetWithReservations = (domainId: string, assetId: string, startingBefore: string) => ({
  pk: `DOMAIN#${domainId}`,
  first: `ASSET#${assetId}`,
  last: `ASSET#${assetId}#RES#${startingBefore}`,
});
/** A password reset token, by the SHA-256 of the token (never the token itself). */
export const passwordReset = (tokenHash: string) => ({ pk: `RESET#${tokenHash}`, sk: 'RESET' });
/** Reset emails recently sent to one address, by the SHA-256 of the address (the rate limit's item). */
export const resetRate = (addressHash: string) => ({ pk: `RESETRATE#${addressHash}`, sk: 'RESETRATE' });
/** An outbox mail job (shared/store/mail-job-store.ts): one per email to send. */
export const mailJob = (jobId: string) => ({ pk: `MAILJOB#${jobId}`, sk: 'MAILJOB' });
/** An address SES reported bounced or complained about, for one domain: no invitation mail until re-invited explicitly. */
export const suppression = (domainId: string, email: string) => ({ pk: `DOMAIN#${domainId}`, sk: `SUPPRESSED#${email.toLowerCase()}` });
