/**
 * Holds every event a local bus accepted during the integration run to the event catalogue
 * as the OpenAPI document publishes it (`x-gatehouse-events`, built by
 * shared/events/catalogue.ts): its source, a catalogued detail-type, and a detail valid
 * against that detail-type's JSON Schema (ajv, draft 2020-12, with formats). The global
 * setups run it on each stack's `events.jsonl` once its tests are done, and fail the run on
 * any violation.
 */
import { readFile } from 'node:fs/promises';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import type { BusEvent } from '#local/event-bus.ts';
import { openApiDocument } from '#shared/http/openapi.ts';
import { ROUTES } from '#shared/routes/index.ts';

/**
 * Detail-types the integration suite is not expected to produce, each with the reason. Empty
 * while the suite produces every one; a new action without a test fails the full run.
 */
export const UNSEEN_JUSTIFIED: Record<string, string> = {};

export interface CatalogueCheck {
  /** Events read and validated. */
  checked: number;
  /** Events per detail-type. */
  seen: Map<string, number>;
  /** One line per event that does not match the catalogue (at most the first 20 kept in full). */
  violations: string[];
  /** Catalogued detail-types no event had. */
  unseen: string[];
}

let validators: { source: string; byType: Map<string, ValidateFunction> } | undefined;

function catalogue() {
  if (validators) return validators;
  const published = openApiDocument(ROUTES)['x-gatehouse-events'] as { source: string; detailTypes: Record<string, object> };
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  formats.default(ajv);
  validators = { source: published.source, byType: new Map(Object.entries(published.detailTypes).map(([type, schema]) => [type, ajv.compile(schema)])) };
  return validators;
}

/** Validates every line of an `events.jsonl` (a missing file holds no events). */
export async function checkEventsFile(file: string): Promise<CatalogueCheck> {
  const { byType } = catalogue();
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? '' : Promise.reject(error)));
  const seen = new Map<string, number>();
  const violations: string[] = [];
  let checked = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    checked++;
    const event = JSON.parse(line) as BusEvent;
    seen.set(event.detailType, (seen.get(event.detailType) ?? 0) + 1);
    const problem = violationOf(event);
    if (problem) violations.push(problem);
  }
  return { checked, seen, violations, unseen: [...byType.keys()].filter((type) => !seen.has(type)) };
}

/** What is wrong with one bus event by the published catalogue, or undefined when nothing is. */
export function violationOf(event: Pick<BusEvent, 'source' | 'detailType' | 'detail'>): string | undefined {
  const { source, byType } = catalogue();
  const where = `${event.detailType} ${JSON.stringify(event.detail).slice(0, 300)}`;
  if (event.source !== source) return `source ${event.source}, not ${source}: ${where}`;
  const validate = byType.get(event.detailType);
  if (!validate) return `detail-type not in the catalogue: ${where}`;
  if (validate(event.detail)) return undefined;
  return `${(validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`).join('; ')}: ${where}`;
}

/**
 * Checks a stack's events file and throws (after setting the exit code: Vitest only logs a
 * teardown's error) when an event violates the catalogue or, with `requireEvery`, when a
 * detail-type without a justification was never seen. Returns the closing note.
 */
export async function enforceCatalogue(file: string, label: string, requireEvery: boolean): Promise<string> {
  const result = await checkEventsFile(file);
  const unexplained = requireEvery ? result.unseen.filter((type) => !(type in UNSEEN_JUSTIFIED)) : [];
  const note =
    `[event catalogue] ${label}: ${result.checked} events validated against x-gatehouse-events, ${result.violations.length} violation(s); ` +
    `${result.seen.size} of ${result.seen.size + result.unseen.length} detail-types seen` +
    (result.unseen.length > 0 ? ` (not seen: ${result.unseen.join(', ')}${requireEvery ? '' : '; a partial run'})` : '');
  if (result.violations.length === 0 && unexplained.length === 0) return note;
  process.exitCode = 1;
  const lines = [
    note,
    ...result.violations.slice(0, 20).map((v) => `  violation: ${v}`),
    ...(result.violations.length > 20 ? [`  ... and ${result.violations.length - 20} more`] : []),
    ...(unexplained.length > 0 ? [`  never emitted by the suite, and not justified in test/setup/event-catalogue-check.ts: ${unexplained.join(', ')}`] : []),
  ];
  throw new Error(lines.join('\n'));
}
