/**
 * When the local gateway's HTTP server got a request and finished its answer, from Node's
 * own diagnostics channels (`http.server.request.start`, `http.server.response.finish`):
 * observation only, nothing in the gateway changes. With one request at a time, the last
 * marks belong to the request just made. Only the server on `port` counts (the local event
 * bus is an HTTP server in this process too).
 */
import diagnostics from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';

export interface ServerMarks {
  /** performance.now() when the server emitted the request, and when its answer was finished. */
  received: number;
  finished: number;
}

export class HttpTimeline {
  private marks: Partial<ServerMarks> = {};
  private readonly onStart = (message: unknown) => {
    if (this.ours(message)) this.marks = { received: performance.now() };
  };
  private readonly onFinish = (message: unknown) => {
    if (this.ours(message)) this.marks.finished = performance.now();
  };

  constructor(private readonly port: number) {
    diagnostics.subscribe('http.server.request.start', this.onStart);
    diagnostics.subscribe('http.server.response.finish', this.onFinish);
  }

  private ours(message: unknown): boolean {
    return (message as { request?: IncomingMessage }).request?.socket?.localPort === this.port;
  }

  /** The marks of the last request, when both were seen. */
  last(): ServerMarks | undefined {
    const { received, finished } = this.marks;
    return received !== undefined && finished !== undefined ? { received, finished } : undefined;
  }

  close(): void {
    diagnostics.unsubscribe('http.server.request.start', this.onStart);
    diagnostics.unsubscribe('http.server.response.finish', this.onFinish);
  }
}
