import { now } from '#shared/clock.ts';
import { accessReview, accessReviewCsv } from '#shared/domain/access-review.ts';
import { makeHandler } from '#shared/http/handler.ts';
import { RawReply } from '#shared/http/pipeline.ts';
import { getAccessReview } from '#shared/routes/members.ts';
import { pendingInvitations } from '#shared/store/invitation-store.ts';

/** The domain's pending invitations and links, as the review lists them. */
async function pending(domainId: string) {
  return (await pendingInvitations(domainId, now().toISOString())).map((i) => ({ id: i.id, kind: i.kind, email: i.email, role: i.role, expiresAt: i.expiresAt }));
}

export const handler = makeHandler(getAccessReview, async ({ access, query }) => {
  const review = await accessReview(access, pending);
  if (query.format !== 'csv') return review;
  const day = review.generatedAt.slice(0, 10);
  return new RawReply(accessReviewCsv(review), {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="access-review-${access.domain.id}-${day}.csv"`,
  });
});
