import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Token } from 'aws-cdk-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CUSTOMERS_DIR, customerNames } from '#infra/customer-config.ts';
import { createGatehouseApp } from '#infra/gatehouse-app.ts';
import { cdkJsonContext, NO_BUNDLING } from './synth.ts';

/** Builds the app as the CLI would, without bundling: these tests are about which stacks exist. */
function build(context: Record<string, unknown> = {}, customersDir?: string) {
  return createGatehouseApp({
    ...(customersDir ? { customersDir } : {}),
    appProps: { outdir: mkdtempSync(join(tmpdir(), 'gatehouse-cdk-')), context: { ...cdkJsonContext(), ...NO_BUNDLING, ...context } },
  });
}

const acme = JSON.parse(readFileSync(join(CUSTOMERS_DIR, 'acme.json'), 'utf8'));

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gatehouse-customers-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the CDK app', () => {
  it('builds one Gatehouse-<name> stack per customer file (cdk synth --all)', () => {
    const { app, stacks } = build();
    expect(stacks.map((s) => s.stackName)).toEqual(customerNames().map((name) => `Gatehouse-${name}`));
    const assembly = app.synth();
    expect(assembly.stacks.map((s) => s.stackName).sort()).toEqual(customerNames().map((name) => `Gatehouse-${name}`));
  });

  it('builds only the selected customer with -c customer=acme', () => {
    const { app, stacks } = build({ customer: 'acme' });
    expect(stacks.map((s) => s.stackName)).toEqual(['Gatehouse-acme']);
    expect(app.synth().stacks.map((s) => s.stackName)).toEqual(['Gatehouse-acme']);
  });

  it('refuses an unknown customer and lists the known ones', () => {
    expect(() => build({ customer: 'umbrella' })).toThrow(/No customer "umbrella".*customers: acme, northwind/);
  });

  it('is environment-agnostic unless the customer file pins an environment', () => {
    const { stacks } = build();
    const byName = new Map(stacks.map((s) => [s.customer.name, s]));
    expect(Token.isUnresolved(byName.get('acme')!.region)).toBe(true);
    expect(Token.isUnresolved(byName.get('acme')!.account)).toBe(true);
    expect(byName.get('northwind')!.region).toBe('eu-west-1');
  });

  it('fails before synthesizing anything when a customer file is invalid, naming the file and the field', () => {
    writeFileSync(join(dir, 'acme.json'), JSON.stringify(acme));
    const bad = join(dir, 'initech.json');
    writeFileSync(bad, JSON.stringify({ ...acme, name: 'initech', rolePreset: 'owners-only' }));
    expect(() => build({}, dir)).toThrow(`${bad}: rolePreset: must be one of asset-management, admin-member`);
    // Selecting the valid customer still works: a broken file blocks only its own stack.
    expect(build({ customer: 'acme' }, dir).stacks.map((s) => s.stackName)).toEqual(['Gatehouse-acme']);
  });

  it('builds one stack per file of any customers directory', () => {
    const three = mkdtempSync(join(tmpdir(), 'gatehouse-customers-'));
    for (const name of ['a1', 'b2', 'c3']) writeFileSync(join(three, `${name}.json`), JSON.stringify({ ...acme, name }));
    expect(build({}, three).stacks.map((s) => s.stackName)).toEqual(['Gatehouse-a1', 'Gatehouse-b2', 'Gatehouse-c3']);
    rmSync(three, { recursive: true, force: true });
  });
});
