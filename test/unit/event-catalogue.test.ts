import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { EVENT_SOURCE } from '#shared/domain/table-stream.ts';
import { EVENT_ACTIONS, eventCatalogue } from '#shared/events/catalogue.ts';
import { openApiDocument } from '#shared/http/openapi.ts';
import { ROUTES } from '#shared/routes/index.ts';

describe('the event catalogue', () => {
  it("lists exactly the actions of README's event table, so the two cannot name an event differently", () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('### History events and the event catalogue'), readme.indexOf('## Daily sweeps'));
    const listed = [...section.matchAll(/^\| (`[a-z_]+\.[a-z_]+`(?:, `[a-z_]+\.[a-z_]+`)*) \|/gm)].flatMap((row) => [...(row[1] ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1]));
    expect([...listed].sort()).toEqual([...EVENT_ACTIONS].sort());
  });

  it('publishes the source the stream consumer sends, and a schema per detail-type that a strict 2020-12 validator compiles', () => {
    const published = openApiDocument(ROUTES)['x-gatehouse-events'] as ReturnType<typeof eventCatalogue>;
    expect(published.source).toBe(EVENT_SOURCE);
    expect(Object.keys(published.detailTypes)).toEqual(EVENT_ACTIONS);
    const ajv = new Ajv2020({ strict: true });
    formats.default(ajv);
    for (const [type, schema] of Object.entries(published.detailTypes)) expect(() => ajv.compile(schema), type).not.toThrow();
    // The plain conversion (no OpenAPI formats) describes the same detail-types.
    expect(Object.keys(eventCatalogue().detailTypes)).toEqual(EVENT_ACTIONS);
  });
});
