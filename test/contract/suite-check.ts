/**
 * The contract check of the integration suite (test/contract/checker.ts applied to every
 * answer of the local stack): test/setup/contract-check.ts installs it in each test file, where
 * it wraps globalThis.fetch, so api(), direct fetch() calls and the typed client (openapi-fetch
 * calls globalThis.fetch) are all held to `openApiDocument(ROUTES)`. A client that bypasses
 * fetch (node:http) hands its answers to `checkAnswer` itself. Only the project's own stack
 * (`inject('stack').apiUrl`) is held to it: gateway.test.ts also starts stacks and made-up
 * route tables of its own, whose answers are that test's subject, not this API's.
 *
 * A violating answer throws from fetch (the test that received it fails, with the operation,
 * the status, ajv's errors and the body), and again from the file's afterAll in case the test
 * caught it. Each file's tally goes to the run's report directory; the global teardown
 * (test/setup/contract-report.ts) prints the total.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openApiDocument } from '#shared/http/openapi.ts';
import { ROUTES } from '#shared/routes/index.ts';
import { type CheckResult, type ContractChecker, createContractChecker, describeViolation, type Exchange, type OpenApiDocument } from './checker.ts';

const PROBLEM = { $ref: '#/components/schemas/Problem' };
const problems = { '400': { description: 'A bad query', content: { 'application/problem+json': { schema: PROBLEM } } } };
const json = (schema: object) => ({ description: 'Done', content: { 'application/json': { schema } } });
const count = { type: 'integer', minimum: 0 };
const refusing = json({ type: 'object', required: ['refusing'], properties: { refusing: { type: ['string', 'null'] } }, additionalProperties: false });

/**
 * The local stack's test routes (local/stack.ts testRoutes, served only to tests, never
 * deployed): not part of the API's document, so documented here, for the check, in the same terms.
 */
export const LOCAL_TEST_PATHS: Record<string, Record<string, unknown>> = {
  '/__local/ttl-sweep': {
    post: {
      operationId: 'localTtlSweep',
      responses: { '200': json({ type: 'object', required: ['deleted'], properties: { deleted: count }, additionalProperties: false }), ...problems },
    },
  },
  '/__local/eventbridge-refusals': {
    post: { operationId: 'localRefuseBusEvents', responses: { '200': refusing, ...problems } },
    delete: { operationId: 'localAllowBusEvents', responses: { '200': refusing, ...problems } },
  },
  '/__local/ses-refusals': {
    post: { operationId: 'localRefuseMail', responses: { '200': refusing, ...problems } },
    delete: { operationId: 'localAllowMail', responses: { '200': refusing, ...problems } },
  },
  '/__local/ses-feedback': {
    post: {
      operationId: 'localSesFeedback',
      responses: { '200': json({ type: 'object', required: ['recorded'], properties: { recorded: count }, additionalProperties: false }), ...problems },
    },
  },
  '/__local/mail-settled': {
    get: {
      operationId: 'localMailSettled',
      responses: { '200': json({ type: 'object', required: ['settled'], properties: { settled: { const: true } }, additionalProperties: false }) },
    },
  },
  '/__local/stream': {
    get: {
      operationId: 'localStreamStats',
      responses: {
        '200': json({ type: 'object', required: ['batches', 'records', 'failures', 'skipped'], properties: { batches: count, records: count, failures: count, skipped: count }, additionalProperties: false }),
      },
    },
  },
};

/** The document the suite holds the stack to: the API's own, plus the stack's test routes. */
export function suiteDocument(): OpenApiDocument {
  const document = openApiDocument(ROUTES) as unknown as OpenApiDocument;
  return { ...document, paths: { ...document.paths, ...LOCAL_TEST_PATHS } };
}

/** One line of a file's tally: how many answers of this kind it received. */
export interface TallyEntry {
  operation: string;
  method: string;
  path: string;
  status: number;
  problemType?: string;
  outcome: 'kept' | 'violation';
  /** The answer's headers beyond the ones every answer carries (ETag, Location, Allow, Retry-After, ...), lower case. */
  headers: string[];
  count: number;
}

/** What one test file's check wrote to the report directory. */
export interface FileReport {
  file: string;
  checked: number;
  violations: string[];
  tally: TallyEntry[];
}

interface State {
  apiUrl: string;
  checker: ContractChecker;
  checked: number;
  violations: string[];
  tally: Map<string, TallyEntry>;
}

let state: State | undefined;

/** Headers every answer of the gateway carries: not worth documenting per operation. */
const COMMON_HEADERS = new Set(['content-type', 'content-length', 'date', 'connection', 'keep-alive', 'x-amzn-requestid', 'access-control-allow-origin', 'access-control-expose-headers']);

function record(result: CheckResult, exchange: Exchange): void {
  if (!state) throw new Error('The contract check is not installed (test/setup/contract-check.ts)');
  state.checked++;
  const outcome = result.violations.length > 0 ? 'violation' : 'kept';
  const headers = exchange.headers instanceof Headers ? [...exchange.headers.keys()].filter((name) => !COMMON_HEADERS.has(name)).sort() : [];
  const key = [result.operation, result.status, result.problemType ?? '', outcome, headers.join(',')].join(' ');
  const entry = state.tally.get(key);
  if (entry) entry.count++;
  else
    state.tally.set(key, {
      operation: result.operation,
      method: result.method,
      path: result.path,
      status: result.status,
      ...(result.problemType ? { problemType: result.problemType } : {}),
      outcome,
      headers,
      count: 1,
    });
  if (outcome === 'violation') {
    const message = describeViolation(result, exchange.body);
    state.violations.push(message);
    throw new Error(message);
  }
}

/** Holds one answer of the stack to the document; throws on a violation. For clients that bypass fetch. */
export function checkAnswer(exchange: Exchange): void {
  if (!state) throw new Error('The contract check is not installed (test/setup/contract-check.ts)');
  record(state.checker.check(exchange), exchange);
}

/** Wraps globalThis.fetch so that every answer from under `apiUrl` is checked before the caller sees it. */
export function installContractCheck(apiUrl: string): void {
  if (state) return;
  state = {
    apiUrl: apiUrl.replace(/\/$/, ''),
    checker: createContractChecker(suiteDocument()),
    checked: 0,
    violations: [],
    tally: new Map(),
  };
  const base = state.apiUrl;
  const original = globalThis.fetch;
  globalThis.fetch = async function contractCheckedFetch(input: Parameters<typeof fetch>[0], init?: RequestInit): Promise<Response> {
    const url = input instanceof Request ? input.url : input instanceof URL ? input.href : String(input);
    const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
    const response = await original(input, init);
    if (url !== base && !url.startsWith(`${base}/`) && !url.startsWith(`${base}?`)) return response;
    const body = await response.clone().text();
    checkAnswer({ method, target: url.slice(base.length) || '/', status: response.status, headers: response.headers, body });
    return response;
  };
}

/** Writes this file's tally to `dir` and fails the file if any answer broke the contract, even one its test caught. */
export async function closeContractCheck(dir: string, file: string): Promise<void> {
  if (!state) return;
  const report: FileReport = { file, checked: state.checked, violations: state.violations, tally: [...state.tally.values()] };
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, `${randomUUID()}.json`), JSON.stringify(report));
  if (state.violations.length > 0) {
    throw new Error(`${state.violations.length} answer(s) broke the contract in ${file}:\n${state.violations.join('\n')}`);
  }
}
