/**
 * The one logger. Structured JSON (Powertools) with the request id on every line; nothing
 * logs request bodies or headers, so tokens and passwords never reach a log line.
 */
import { Logger } from '@aws-lambda-powertools/logger';

export const logger = new Logger({ serviceName: 'gatehouse' });
