/**
 * The local EventBridge bus: a small HTTP server that answers the `PutEvents` call of the
 * AWS SDK (JSON 1.1 protocol, `X-Amz-Target: AWSEvents.PutEvents`) and appends every entry
 * it accepts to `<dataDir>/events.jsonl`, one JSON line each:
 * `{id, time, bus, source, detailType, detail}`, `detail` parsed. That file is what a
 * customer's rule on the stack's bus would receive.
 *
 * Nothing else of EventBridge is emulated: no rules, targets, archives or schemas.
 */
import { randomUUID } from 'node:crypto';
import { appendFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { listenLocally } from '#local/listen.ts';

/** EventBridge takes at most 10 entries per PutEvents call, and 256 KiB per call. */
const MAX_ENTRIES = 10;
const MAX_REQUEST_BYTES = 256 * 1024;

/** One line of events.jsonl. */
export interface BusEvent {
  id: string;
  /** ISO 8601 to the second, as in EventBridge events: the entry's Time, else when the bus took it. */
  time: string;
  bus: string;
  source: string;
  detailType: string;
  detail: unknown;
}

export interface EventBus {
  /** What the handlers get as EVENTBRIDGE_ENDPOINT. */
  endpoint: string;
  /** `<dataDir>/events.jsonl`. */
  file: string;
  /**
   * Tests only: PutEvents calls holding an event of this domain (`detail.domainId`) are refused
   * with a 500 InternalException, as EventBridge does when it fails, until `allow()`.
   */
  refuse(domainId: string): void;
  allow(domainId: string): void;
  close(): Promise<void>;
}

interface PutEventsEntry {
  Source?: unknown;
  DetailType?: unknown;
  Detail?: unknown;
  EventBusName?: unknown;
  /** Epoch seconds, as the SDK sends a Date in the JSON 1.1 protocol. */
  Time?: unknown;
}

type EntryResult = { EventId: string } | { ErrorCode: string; ErrorMessage: string };

/** Starts the bus `busName` on 127.0.0.1:`port` (0: any free port). */
export async function startEventBus(port: number, options: { dataDir: string; busName: string }): Promise<EventBus> {
  const file = join(options.dataDir, 'events.jsonl');
  const refused = new Set<string>();
  // One append at a time, in the order the calls arrived: lines stay whole and ordered.
  let appending: Promise<void> = Promise.resolve();
  const append = (lines: string) => (appending = appending.then(() => appendFile(file, lines)));

  const putEvents = async (body: { Entries?: unknown }): Promise<{ status: number; body: unknown }> => {
    const entries = body.Entries;
    if (!Array.isArray(entries) || entries.length < 1 || entries.length > MAX_ENTRIES) {
      return clientError('ValidationException', `Entries must hold 1 to ${MAX_ENTRIES} entries.`);
    }
    const accepted: BusEvent[] = [];
    const results: EntryResult[] = (entries as PutEventsEntry[]).map((entry) => {
      const checked = toBusEvent(entry, options.busName);
      if ('ErrorCode' in checked) return checked;
      accepted.push(checked);
      return { EventId: checked.id };
    });
    const domains = accepted.map((event) => (event.detail as { domainId?: unknown } | null)?.domainId);
    if (domains.some((domainId) => typeof domainId === 'string' && refused.has(domainId))) {
      return { status: 500, body: { __type: 'InternalException', message: 'Refused by the local test hook (POST /__local/eventbridge-refusals).' } };
    }
    if (accepted.length > 0) await append(accepted.map((event) => `${JSON.stringify(event)}\n`).join(''));
    return { status: 200, body: { FailedEntryCount: results.length - accepted.length, Entries: results } };
  };

  const server = createServer((req, res) => {
    void answer(req, putEvents)
      .catch((error: unknown) => ({ status: 500, body: { __type: 'InternalException', message: (error as Error).message } }))
      .then((result) => send(res, result.status, result.body));
  });
  const listening = await listenLocally(server, port);
  return {
    endpoint: `http://localhost:${listening.port}`,
    file,
    refuse: (domainId) => void refused.add(domainId),
    allow: (domainId) => void refused.delete(domainId),
    close: () => listening.close().then(() => appending),
  };
}

async function answer(req: IncomingMessage, putEvents: (body: { Entries?: unknown }) => Promise<{ status: number; body: unknown }>) {
  const target = String(req.headers['x-amz-target'] ?? '');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= MAX_REQUEST_BYTES) chunks.push(chunk);
  }
  if (req.method !== 'POST' || !target.startsWith('AWSEvents.')) {
    return clientError('UnknownOperationException', 'The local event bus answers POST / with X-Amz-Target: AWSEvents.PutEvents only.');
  }
  if (target !== 'AWSEvents.PutEvents') return clientError('UnknownOperationException', `The local event bus does not emulate ${target.slice(10)}.`);
  if (size > MAX_REQUEST_BYTES) return clientError('ValidationException', `The request is larger than ${MAX_REQUEST_BYTES} bytes.`);
  let body: unknown;
  try {
    body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return clientError('SerializationException', 'The request body is not JSON.');
  }
  return putEvents((body ?? {}) as { Entries?: unknown });
}

/** An entry as the bus records it, or the per-entry error EventBridge gives for it. */
function toBusEvent(entry: PutEventsEntry, busName: string): BusEvent | { ErrorCode: string; ErrorMessage: string } {
  // Bus names may come as names or ARNs; the stack has one bus (and EventBridge's `default`).
  const bus = typeof entry.EventBusName === 'string' && entry.EventBusName !== '' ? entry.EventBusName.replace(/^arn:.*:event-bus\//, '') : 'default';
  if (bus !== busName && bus !== 'default') return { ErrorCode: 'ResourceNotFoundException', ErrorMessage: `Event bus ${bus} does not exist.` };
  if (typeof entry.Source !== 'string' || entry.Source === '') return { ErrorCode: 'InvalidArgument', ErrorMessage: 'Parameter Source is not valid.' };
  if (typeof entry.DetailType !== 'string' || entry.DetailType === '') return { ErrorCode: 'InvalidArgument', ErrorMessage: 'Parameter DetailType is not valid.' };
  let detail: unknown;
  try {
    detail = JSON.parse(typeof entry.Detail === 'string' ? entry.Detail : '');
  } catch {
    return { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' };
  }
  if (typeof detail !== 'object' || detail === null || Array.isArray(detail)) return { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' };
  const time = typeof entry.Time === 'number' ? new Date(entry.Time * 1000) : new Date();
  // EventBridge's events carry their time to the second.
  return { id: randomUUID(), time: time.toISOString().replace(/\.\d{3}Z$/, 'Z'), bus, source: entry.Source, detailType: entry.DetailType, detail };
}

function clientError(type: string, message: string) {
  return { status: 400, body: { __type: type, message } };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1', 'content-length': Buffer.byteLength(text), 'x-amzn-requestid': randomUUID() });
  res.end(text);
}
