import { signOffAccessReview as signOff } from '#shared/domain/access-review.ts';
import { makeHandler } from '#shared/http/handler.ts';
import { signOffAccessReview } from '#shared/routes/members.ts';

export const handler = makeHandler(signOffAccessReview, async ({ access, caller, body }) => signOff(access, caller, body.note));
