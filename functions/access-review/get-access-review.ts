import { accessReview, accessReviewCsv } from '#shared/domain/access-review.ts';
import { makeHandler } from '#shared/http/handler.ts';
import { RawReply } from '#shared/http/pipeline.ts';
import { getAccessReview } from '#shared/routes/members.ts';

/** Invitations arrive with the invitations issue; until then a domain has none pending. */
const noInvitations = async () => [];

export const handler = makeHandler(getAccessReview, async ({ access, query }) => {
  const review = await accessReview(access, noInvitations);
  if (query.format !== 'csv') return review;
  const day = review.generatedAt.slice(0, 10);
  return new RawReply(accessReviewCsv(review), {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="access-review-${access.domain.id}-${day}.csv"`,
  });
});
