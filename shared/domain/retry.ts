/** Retrying a read-decide-write step when a concurrent transaction got in its way. */
import { Conflict } from '#shared/http/errors.ts';
import { ConcurrentChange, TransactionConflict } from '#shared/store/dynamo.ts';

const ATTEMPTS = 5;

/**
 * Runs `step` again (it reads afresh each time) while DynamoDB reports that another
 * transaction touched the same items at the same moment. The invariants are enforced by
 * the write's conditions, so a retry re-decides on the state that won.
 */
export async function retryOnConflict<T>(step: (attempt: number) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await step(attempt);
    } catch (error) {
      const transient = error instanceof TransactionConflict || error instanceof ConcurrentChange;
      if (!transient) throw error;
      if (attempt >= ATTEMPTS) {
        throw new Conflict('Other changes to this domain kept getting in the way; retry the request.', 'busy');
      }
      await new Promise((resolve) => setTimeout(resolve, 10 * 2 ** attempt + Math.random() * 20));
    }
  }
}
