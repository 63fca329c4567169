/**
 * Customer configuration: one JSON file per customer under `infra/customers/<name>.json`,
 * one stack (`Gatehouse-<name>`) per file. The loader validates every file it reads and
 * fails synth with `<file>: <field>: <what is wrong>`, so a bad value never reaches a
 * template.
 *
 * Fields (all required unless a default is given):
 * - `name`: the customer's id, `[a-z0-9-]`, equal to the file name; it names the stack.
 * - `rolePreset`: the built-in roles every domain of this customer starts with
 *   (`asset-management` or `admin-member`, see shared/permissions.ts).
 * - `productName`: the product name new domains and emails are branded with.
 * - `hostedPages`: whether the stack deploys the hosted pages (web/) to a private S3 bucket
 *   behind CloudFront (infra/hosted-pages.ts; default true).
 * - `appUrl`: optional https URL of the customer's own web client (hosting or embedding the
 *   pages); the links in emails point into it. Without it they point at the hosted pages'
 *   distribution (`https://<id>.cloudfront.net`), whose origin CORS then allows too. Required
 *   when `hostedPages` is false.
 * - `appOrigins`: https origins (scheme, host, port; no path) allowed by CORS (default none).
 *   Must include the origin of `appUrl`. With the hosted pages, they may also load the pages'
 *   modules and `/config.json` from the distribution (embedding).
 * - `adminEmail`: the first administrator, invited when the stack is deployed.
 * - `alarmEmail`: where CloudWatch alarms are sent.
 * - `sesFromAddress`: the SES-verified address invitation emails are sent from.
 * - `mfa`: `off`, `optional` or `required` (TOTP authenticator apps).
 * - `invitationEmailsPerDay`: cap on invitation emails per day (default 200).
 * - `sesMaxSendRate`: emails per second the stack's mail worker sends at most (default 14,
 *   SES's usual production rate; set it to the account's own SES rate).
 * - `sweepTime`: `HH:MM` UTC at which the daily sweeps run (default `03:00`).
 * - `throttling`: API stage limits, `{ rateLimit, burstLimit }` in requests per second
 *   (default 50 and 100).
 * - `env`: optional `{ account, region }` to pin the stack; without it the stack is
 *   environment-agnostic and deploys to the CLI's account and region.
 * - `alarms`: optional thresholds of the alarms (infra/alarms.ts, README "Runbook"); each field
 *   has a default (ALARM_DEFAULTS): `apiServerErrorPercent` (share of API requests answered
 *   5xx in 5 minutes, default 1), `apiLatencyP99Ms` (p99 latency over 15 minutes, default
 *   3000), `functionErrors` and `functionThrottles` (route function errors and throttles in 5
 *   minutes, summed, default 0), `tableThrottles` and `tableSystemErrors` (DynamoDB, 5 minutes,
 *   default 0), `sesBouncePercent` (default 4, below AWS's 5% review threshold) and
 *   `sesComplaintPercent` (default 0.08, below AWS's 0.1%), `mailFailures` (emails the mail
 *   worker gave up on in an hour, default 0). The alarm fires above the value.
 * - `tracing`: X-Ray tracing of the API stage and every function (default false).
 * - `waf`: a WAF web ACL on the API stage (infra/waf.ts; default true).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative, isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as z from 'zod';
import { ROLE_PRESET_NAMES } from '#shared/permissions.ts';

/** Where the customer files live. */
export const CUSTOMERS_DIR = fileURLToPath(new URL('./customers/', import.meta.url));

/** The message for a bad value: "is required" when absent, else "must be <rule>". */
const must = (rule: string) => ({
  error: (issue: { input?: unknown }) => (issue.input === undefined ? 'is required' : `must be ${rule}`),
});

const httpsUrl = (rule: string) =>
  z.url({ protocol: /^https$/, hostname: z.regexes.domain, ...must(rule) });

/** An origin is an https URL that is nothing but scheme, host and port. */
const httpsOrigin = httpsUrl('an https origin such as https://app.example.com').refine(
  (value) => new URL(value).origin === value,
  { error: 'must be an origin: https://host[:port] without path or trailing slash' },
);

/** The alarm thresholds a customer file may change; the alarm fires when the metric goes above. */
export const ALARM_DEFAULTS = {
  apiServerErrorPercent: 1,
  apiLatencyP99Ms: 3000,
  functionErrors: 0,
  functionThrottles: 0,
  tableThrottles: 0,
  tableSystemErrors: 0,
  sesBouncePercent: 4,
  sesComplaintPercent: 0.08,
  mailFailures: 0,
} as const;

const count = () => z.int(must('a whole number')).min(0, must('at least 0'));
const alarmsSchema = z.strictObject(
  {
    apiServerErrorPercent: z.number(must('a number')).positive(must('positive')).max(100, must('at most 100')).default(ALARM_DEFAULTS.apiServerErrorPercent),
    // API Gateway gives up after 29 s.
    apiLatencyP99Ms: z.int(must('a whole number of milliseconds')).min(50, must('at least 50')).max(29_000, must('at most 29000')).default(ALARM_DEFAULTS.apiLatencyP99Ms),
    functionErrors: count().default(ALARM_DEFAULTS.functionErrors),
    functionThrottles: count().default(ALARM_DEFAULTS.functionThrottles),
    tableThrottles: count().default(ALARM_DEFAULTS.tableThrottles),
    tableSystemErrors: count().default(ALARM_DEFAULTS.tableSystemErrors),
    // Above AWS's review thresholds (bounces 5%, complaints 0.1%) the alarm would come too late.
    sesBouncePercent: z.number(must('a number')).positive(must('positive')).lt(5, must("below 5 (AWS reviews the account at 5%)")).default(ALARM_DEFAULTS.sesBouncePercent),
    sesComplaintPercent: z.number(must('a number')).positive(must('positive')).lt(0.1, must('below 0.1 (AWS reviews the account at 0.1%)')).default(ALARM_DEFAULTS.sesComplaintPercent),
    mailFailures: count().default(ALARM_DEFAULTS.mailFailures),
  },
  must('an object of alarm thresholds'),
);

const customerSchema = z
  .strictObject({
    name: z.string(must('a string')).regex(/^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/, must('lowercase letters, digits and dashes (at most 40)')),
    rolePreset: z.enum(ROLE_PRESET_NAMES, must(`one of ${ROLE_PRESET_NAMES.join(', ')}`)),
    productName: z.string(must('a string')).trim().min(1, must('a non-empty name')).max(60, must('at most 60 characters')),
    hostedPages: z.boolean(must('true or false')).default(true),
    appUrl: httpsUrl('an https URL').optional(),
    appOrigins: z.array(httpsOrigin, must('a list of https origins')).default([]),
    adminEmail: z.email(must('an email address')),
    alarmEmail: z.email(must('an email address')),
    sesFromAddress: z.email(must('an email address')),
    mfa: z.enum(['off', 'optional', 'required'], must('one of off, optional, required')),
    invitationEmailsPerDay: z.int(must('a whole number')).min(1, must('at least 1')).max(50_000, must('at most 50000')).default(200),
    sesMaxSendRate: z.number(must('a number')).positive(must('positive')).max(1000, must('at most 1000')).default(14),
    sweepTime: z.string(must('a string')).regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, must('a UTC time HH:MM, such as 03:00')).default('03:00'),
    throttling: z
      .strictObject(
        {
          // API Gateway's own account-level default is 10,000 rps; a customer stack needs far less.
          rateLimit: z.number(must('a number')).positive(must('positive')).max(10_000, must('at most 10000')).default(50),
          burstLimit: z.int(must('a whole number')).positive(must('positive')).max(5_000, must('at most 5000')).default(100),
        },
        must('an object { rateLimit, burstLimit }'),
      )
      .default({ rateLimit: 50, burstLimit: 100 }),
    env: z
      .strictObject(
        {
          account: z.string(must('a string')).regex(/^\d{12}$/, must('a 12-digit AWS account id')).optional(),
          region: z.string(must('a string')).regex(/^[a-z]{2}(?:-gov)?-[a-z]+-\d$/, must('an AWS region such as eu-west-1')).optional(),
        },
        must('an object { account?, region? }'),
      )
      .optional(),
    alarms: alarmsSchema.prefault({}),
    tracing: z.boolean(must('true or false')).default(false),
    waf: z.boolean(must('true or false')).default(true),
  }, must('a JSON object'))
  .superRefine((config, ctx) => {
    if (config.appUrl === undefined) {
      // Emails link somewhere: the customer's app or the hosted pages.
      if (!config.hostedPages) {
        ctx.addIssue({ code: 'custom', path: ['appUrl'], message: 'is required when hostedPages is false (the links in emails need a web client to open)' });
      }
      return;
    }
    // The web client at appUrl calls the API from its own origin, so CORS must allow it.
    const appOrigin = new URL(config.appUrl).origin;
    if (!config.appOrigins.includes(appOrigin)) {
      ctx.addIssue({ code: 'custom', path: ['appOrigins'], message: `must include the origin of appUrl (${appOrigin})` });
    }
  });

export type CustomerConfig = z.output<typeof customerSchema>;

/** A customer file that cannot be used; the message names the file and the field. */
export class CustomerConfigError extends Error {
  override readonly name = 'CustomerConfigError';
}

/** The file as the operator knows it: relative to the working directory when inside it. */
function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}

function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : `${out ? '.' : ''}${String(key)}`;
  return out || '(file)';
}

/** Reads and validates one customer file. */
export function loadCustomer(file: string): CustomerConfig {
  const shown = displayPath(file);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new CustomerConfigError(`${shown}: not readable JSON: ${(error as Error).message}`);
  }
  const result = customerSchema.safeParse(raw);
  // One line per field: a value failing several checks (scheme and host, say) reports the first.
  const problems = new Map<string, string>();
  for (const issue of result.success ? [] : result.error.issues) {
    const field = fieldPath(issue.path);
    const message = issue.code === 'unrecognized_keys' ? `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}` : issue.message;
    if (!problems.has(field)) problems.set(field, message);
  }
  const expectedName = basename(file, '.json');
  const givenName = (raw as { name?: unknown } | null)?.name;
  if (typeof givenName === 'string' && givenName !== expectedName && !problems.has('name')) {
    problems.set('name', `must equal the file name "${expectedName}"`);
  }
  if (!result.success || problems.size > 0) {
    throw new CustomerConfigError([...problems].map(([field, message]) => `${shown}: ${field}: ${message}`).join('\n'));
  }
  return result.data;
}

/** The customer file names (without `.json`) in a directory, sorted. */
export function customerNames(dir: string = CUSTOMERS_DIR): string[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .map((file) => basename(file, '.json'))
    .sort();
}

/**
 * Loads the customers of a directory: every one, or only `only` (the `-c customer=...`
 * context), so one customer's broken file does not block another customer's deploy.
 */
export function loadCustomers(dir: string = CUSTOMERS_DIR, only?: string): CustomerConfig[] {
  const names = customerNames(dir);
  if (names.length === 0) throw new CustomerConfigError(`${displayPath(dir)}: no customer files (<name>.json)`);
  if (only !== undefined && !names.includes(only)) {
    throw new CustomerConfigError(`No customer "${only}": ${displayPath(join(dir, `${only}.json`))} does not exist (customers: ${names.join(', ')})`);
  }
  // Every file is read before any error is thrown: the operator fixes all of them in one go.
  const loaded: CustomerConfig[] = [];
  const problems: string[] = [];
  for (const name of only === undefined ? names : [only]) {
    try {
      loaded.push(loadCustomer(join(dir, `${name}.json`)));
    } catch (error) {
      if (!(error instanceof CustomerConfigError)) throw error;
      problems.push(error.message);
    }
  }
  if (problems.length > 0) {
    const heading = problems.length > 1 ? [`${problems.length} customer files are invalid:`] : [];
    throw new CustomerConfigError([...heading, ...problems].join('\n'));
  }
  return loaded;
}
