/** One recorder on the handlers' document client for the whole run (a middleware is added once). */
import { DdbRecorder } from './ddb-recorder.ts';

let recorder: Promise<DdbRecorder> | undefined;

/** The recorder on shared/clients/dynamodb.ts; import only once the stack set the handlers' environment. */
export function sharedRecorder(): Promise<DdbRecorder> {
  recorder ??= import('#shared/clients/dynamodb.ts').then(({ dynamodb }) => new DdbRecorder(dynamodb));
  return recorder;
}
