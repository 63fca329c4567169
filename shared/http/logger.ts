/**
 * The one logger. Structured JSON (Powertools) with the request id on every line; nothing
 * logs request bodies or headers, so tokens and passwords never reach a log line.
 *
 * Built on first use: a request that succeeds logs nothing here (API Gateway's access log
 * records it), so the logger's set-up stays out of the cold start of the common path.
 */
import { Logger } from '@aws-lambda-powertools/logger';

let instance: Logger | undefined;

export function logger(): Logger {
  instance ??= new Logger({ serviceName: 'gatehouse' });
  return instance;
}
