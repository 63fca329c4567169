/**
 * The contract check: holds one HTTP answer to an OpenAPI 3.1 document. The operation is found
 * by method and path template; its status must be documented, its body must match the schema
 * documented for that status and media type, and its documented headers (`required: true`
 * ones at least) must be there. The schemas are the document's own, compiled by ajv (JSON
 * Schema 2020-12) with the whole document added as one schema, so that every `$ref` into
 * `#/components` resolves as in the document itself.
 *
 * Requests that reach no operation are answered by the gateway itself (404 for no such path,
 * 405 for no such method, 204 for a CORS preflight, 400 for a path that is no valid URL
 * encoding): they are held to the `GATEWAY_ANSWERS` below, not skipped.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS: under NodeNext its default import is the module object.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

/** The parts of an OpenAPI 3.1 document the check reads; anything else is passed to ajv untouched. */
export interface OpenApiDocument {
  paths: Record<string, Record<string, unknown>>;
  components?: Record<string, unknown>;
  [key: string]: unknown;
}

/** One answer, as the client saw it. */
export interface Exchange {
  method: string;
  /** The path and query, relative to the API's base URL: `/domains/d1/members?limit=5`. */
  target: string;
  status: number;
  headers: { get(name: string): string | null };
  /** The body as text ('' when empty). */
  body: string;
}

export interface CheckResult {
  /** The operationId, or `gateway:<kind>` for an answer no operation gives. */
  operation: string;
  method: string;
  /** The path template matched (the request's own path when none matched). */
  path: string;
  status: number;
  /** The slug of a problem answer's `type`, when the body is a problem. */
  problemType?: string;
  /** Empty when the answer keeps the contract. */
  violations: string[];
}

export interface CheckerOptions {
  /** Where the document keeps the problem schema the gateway's own answers are held to. */
  problemSchema?: string;
}

interface MediaType {
  schema?: unknown;
}

interface HeaderObject {
  required?: boolean;
  schema?: unknown;
  $ref?: string;
}

interface ResponseObject {
  $ref?: string;
  content?: Record<string, MediaType>;
  headers?: Record<string, HeaderObject>;
}

interface Operation {
  operationId?: string;
  responses?: Record<string, ResponseObject>;
}

interface Template {
  path: string;
  segments: ({ literal: string } | { param: string })[];
  operations: Map<string, Operation>;
}

const DOCUMENT_ID = 'openapi.json';
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
/** The top-level fields of an OpenAPI document and the OpenAPI-only schema keywords: annotations to ajv. */
const OPENAPI_KEYWORDS = ['openapi', 'info', 'jsonSchemaDialect', 'servers', 'paths', 'webhooks', 'components', 'security', 'tags', 'externalDocs', 'example', 'discriminator', 'xml'];

/**
 * What the gateway answers itself for a request that reaches no operation (local/gateway.ts,
 * as API Gateway does), in the document's own terms: problem bodies use the document's
 * problem schema (`PROBLEM` is replaced by it).
 */
const GATEWAY_ANSWERS: Record<string, { status: number; response: ResponseObject }> = {
  'no-such-path': { status: 404, response: { content: { 'application/problem+json': { schema: 'PROBLEM' } } } },
  'no-such-method': {
    status: 405,
    response: { content: { 'application/problem+json': { schema: 'PROBLEM' } }, headers: { Allow: { required: true, schema: { type: 'string', minLength: 1 } } } },
  },
  'cors-preflight': {
    status: 204,
    response: { headers: { 'Access-Control-Allow-Methods': { required: true, schema: { type: 'string', minLength: 1 } } } },
  },
  'undecodable-path': { status: 400, response: { content: { 'application/problem+json': { schema: 'PROBLEM' } } } },
};

/** A pointer token (RFC 6901). */
function escapePointer(token: string): string {
  return token.replaceAll('~', '~0').replaceAll('/', '~1');
}

function unescapePointer(token: string): string {
  return token.replaceAll('~1', '/').replaceAll('~0', '~');
}

/** Every `x-` extension name used anywhere in the document: ajv's strict mode refuses unknown keywords otherwise. */
function extensionNames(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) extensionNames(item, found);
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (key.startsWith('x-')) found.add(key);
      extensionNames(inner, found);
    }
  }
  return found;
}

function isJson(mediaType: string): boolean {
  return mediaType === 'application/json' || mediaType.endsWith('+json');
}

function describeErrors(errors: readonly ErrorObject[] | null | undefined): string {
  return (errors ?? []).map((error) => `${error.instancePath || '(body)'} ${error.message ?? ''} (${error.keyword} ${JSON.stringify(error.params)})`).join('; ');
}

/** A checker for one document. Compiles each schema once, on first use. */
export function createContractChecker(document: OpenApiDocument, options: CheckerOptions = {}) {
  const problemSchema = options.problemSchema ?? '#/components/schemas/Problem';
  // strictSchema stays on: a misspelt keyword in the document is an error of the document.
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false, strictTuples: false });
  addFormats(ajv);
  // The formats OpenAPI itself defines (its Format Registry), which JSON Schema's lack.
  ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31 });
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
  for (const name of ['float', 'double']) ajv.addFormat(name, { type: 'number', validate: () => true });
  ajv.addFormat('password', true);
  ajv.addVocabulary([...OPENAPI_KEYWORDS, ...extensionNames(document)]);
  ajv.addSchema(document, DOCUMENT_ID);
  const validators = new Map<string, ValidateFunction>();

  /** The validator of the schema at `pointer` (`#/...` within the document). */
  const validatorAt = (pointer: string): ValidateFunction => {
    let validate = validators.get(pointer);
    if (!validate) {
      validate = ajv.compile({ $ref: `${DOCUMENT_ID}${pointer}` });
      validators.set(pointer, validate);
    }
    return validate;
  };

  /** The value at a `#/...` pointer of the document. */
  const at = (pointer: string): unknown => {
    let node: unknown = document;
    for (const token of pointer.replace(/^#\/?/, '').split('/').filter((part) => part !== '')) {
      node = (node as Record<string, unknown> | undefined)?.[unescapePointer(token)];
    }
    if (node === undefined) throw new Error(`The document has nothing at ${pointer}`);
    return node;
  };

  /** Follows an OpenAPI `$ref` (a Response or Header object by reference) to the object and its pointer. */
  const resolve = <T extends { $ref?: string }>(value: T, pointer: string): { value: T; pointer: string } => {
    let current = value;
    let where = pointer;
    for (let hops = 0; current.$ref !== undefined; hops++) {
      if (hops > 10 || !current.$ref.startsWith('#/')) throw new Error(`Unsupported $ref ${current.$ref} at ${where}`);
      where = current.$ref;
      current = at(where) as T;
    }
    return { value: current, pointer: where };
  };

  const templates: Template[] = Object.entries(document.paths).map(([path, item]) => ({
    path,
    segments: path
      .split('/')
      .slice(1)
      .map((segment) => {
        const param = /^\{([^}]+)\}$/.exec(segment)?.[1];
        return param ? { param } : { literal: segment };
      }),
    operations: new Map(HTTP_METHODS.filter((method) => item[method]).map((method) => [method.toUpperCase(), item[method] as Operation])),
  }));

  /** The template for a path, literal segments winning over parameters (as API Gateway matches). */
  const matchPath = (segments: string[]): Template | undefined => {
    let best: Template | undefined;
    let bestRank = '';
    for (const template of templates) {
      if (template.segments.length !== segments.length) continue;
      let rank = '';
      const fits = template.segments.every((part, i) => {
        const value = segments[i] ?? '';
        if (value === '') return false;
        if ('param' in part) {
          rank += '0';
          return true;
        }
        rank += '1';
        return part.literal === value;
      });
      if (fits && rank > bestRank) {
        best = template;
        bestRank = rank;
      }
    }
    return best;
  };

  /** Holds the answer to one documented Response object; `pointer` locates it in the document. */
  const checkResponse = (response: ResponseObject, pointer: string | undefined, exchange: Exchange, violations: string[]): { parsed?: unknown } => {
    const result: { parsed?: unknown } = {};
    for (const [name, declared] of Object.entries(response.headers ?? {})) {
      // Content-Type is described by `content`, never as a header (OpenAPI 3.1 section 4.8.17.1).
      if (name.toLowerCase() === 'content-type') continue;
      let header = declared;
      let headerPointer = pointer ? `${pointer}/headers/${escapePointer(name)}` : undefined;
      if (declared.$ref && headerPointer) ({ value: header, pointer: headerPointer } = resolve(declared, headerPointer));
      const value = exchange.headers.get(name);
      if (value === null) {
        if (header.required) violations.push(`the required header ${name} is missing`);
        continue;
      }
      if (header.schema !== undefined) {
        const validate = headerPointer ? validatorAt(`${headerPointer}/schema`) : ajv.compile(header.schema as object);
        if (!validate(value)) violations.push(`the header ${name}: ${JSON.stringify(value)} does not match its schema: ${describeErrors(validate.errors)}`);
      }
    }

    const contentType = (exchange.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    const content = response.content;
    if (!content || Object.keys(content).length === 0) {
      if (exchange.body !== '') violations.push(`a body (${contentType || 'no Content-Type'}) where the document has none`);
      return result;
    }
    const [type, major] = [contentType, contentType.split('/')[0]];
    const documented = Object.keys(content).find((key) => key.toLowerCase() === type) ?? Object.keys(content).find((key) => key === `${major}/*`) ?? Object.keys(content).find((key) => key === '*/*');
    if (!documented) {
      violations.push(`the media type ${contentType || '(none)'} is not documented (${Object.keys(content).join(', ')})`);
      return result;
    }
    let body: unknown = exchange.body;
    if (isJson(type)) {
      try {
        body = JSON.parse(exchange.body);
      } catch {
        violations.push(`the ${type} body is no JSON`);
        return result;
      }
    }
    result.parsed = body;
    const schema = content[documented]?.schema;
    if (schema === undefined) return result;
    const validate =
      schema === 'PROBLEM' ? validatorAt(problemSchema) : pointer ? validatorAt(`${pointer}/content/${escapePointer(documented)}/schema`) : ajv.compile(schema as object);
    if (!validate(body)) violations.push(`the body does not match the ${documented} schema: ${describeErrors(validate.errors)}`);
    return result;
  };

  const problemTypeOf = (exchange: Exchange, parsed: unknown): string | undefined => {
    let body = parsed;
    if (body === undefined && /json/i.test(exchange.headers.get('content-type') ?? '')) {
      try {
        body = JSON.parse(exchange.body);
      } catch {
        return undefined;
      }
    }
    const type = (body as { type?: unknown } | null)?.type;
    return /problem\+json/i.test(exchange.headers.get('content-type') ?? '') && typeof type === 'string' ? type.replace(/^.*\/problems\//, '') : undefined;
  };

  const gatewayAnswer = (kind: keyof typeof GATEWAY_ANSWERS, exchange: Exchange, path: string): CheckResult => {
    const expected = GATEWAY_ANSWERS[kind]!;
    const violations: string[] = [];
    if (exchange.status !== expected.status) violations.push(`the gateway answers ${kind} with ${expected.status}, not ${exchange.status}`);
    const { parsed } = checkResponse(expected.response, undefined, exchange, violations);
    return { operation: `gateway:${kind}`, method: exchange.method, path, status: exchange.status, problemType: problemTypeOf(exchange, parsed), violations };
  };

  /** Holds one answer to the document. */
  const check = (exchange: Exchange): CheckResult => {
    const method = exchange.method.toUpperCase();
    const rawPath = exchange.target.split('?')[0]!.split('#')[0]!;
    let segments: string[];
    try {
      segments = rawPath.split('/').slice(1).map((segment) => decodeURIComponent(segment));
    } catch {
      return gatewayAnswer('undecodable-path', exchange, rawPath);
    }
    const template = matchPath(segments);
    if (!template) return gatewayAnswer('no-such-path', exchange, rawPath);
    const operation = template.operations.get(method);
    if (!operation) return gatewayAnswer(method === 'OPTIONS' ? 'cors-preflight' : 'no-such-method', exchange, template.path);

    const operationPointer = `#/paths/${escapePointer(template.path)}/${method.toLowerCase()}`;
    const name = operation.operationId ?? `${method} ${template.path}`;
    const responses = operation.responses ?? {};
    const status = String(exchange.status);
    const key = status in responses ? status : `${status[0]}XX` in responses ? `${status[0]}XX` : 'default' in responses ? 'default' : undefined;
    const violations: string[] = [];
    if (key === undefined) {
      // Still read as a problem, for the report: which problem the operation answered undocumented.
      const { parsed } = checkResponse({ content: { 'application/problem+json': { schema: 'PROBLEM' } } }, undefined, exchange, []);
      const documented = Object.keys(responses).join(', ');
      return { operation: name, method, path: template.path, status: exchange.status, problemType: problemTypeOf(exchange, parsed), violations: [`the status ${status} is not documented (documented: ${documented})`] };
    }
    const { value: response, pointer } = resolve(responses[key]!, `${operationPointer}/responses/${escapePointer(key)}`);
    const { parsed } = checkResponse(response, pointer, exchange, violations);
    return { operation: name, method, path: template.path, status: exchange.status, problemType: problemTypeOf(exchange, parsed), violations };
  };

  return { check };
}

export type ContractChecker = ReturnType<typeof createContractChecker>;

/** A one-paragraph account of a violating answer: operation, status, what is wrong, and the body. */
export function describeViolation(result: CheckResult, body: string): string {
  const shown = body.length > 2000 ? `${body.slice(0, 2000)}…` : body;
  return `Contract violation: ${result.operation} (${result.method} ${result.path}) answered ${result.status}: ${result.violations.join('; ')}. Body: ${shown || '(empty)'}`;
}
