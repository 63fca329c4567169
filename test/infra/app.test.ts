import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Token } from 'aws-cdk-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CustomerConfigError, customerNames } from '#infra/customer-config.ts';
import { createGatehouseApp } from '#infra/gatehouse-app.ts';
import { Template } from 'aws-cdk-lib/assertions';
import { cdkJsonContext, CUSTOMERS, customerFileToCopy, NO_BUNDLING } from './synth.ts';

/** Builds the app as the CLI would, without bundling: these tests are about which stacks exist. */
function build(context: Record<string, unknown> = {}, customersDir?: string) {
  return createGatehouseApp({
    ...(customersDir ? { customersDir } : {}),
    appProps: { outdir: mkdtempSync(join(tmpdir(), 'gatehouse-cdk-')), context: { ...cdkJsonContext(), ...NO_BUNDLING, ...context } },
  });
}

const acme = customerFileToCopy();
const first = CUSTOMERS[0]!;

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

  it('builds only the selected customer with -c customer=<name>', () => {
    const { app, stacks } = build({ customer: first });
    expect(stacks.map((s) => s.stackName)).toEqual([`Gatehouse-${first}`]);
    expect(app.synth().stacks.map((s) => s.stackName)).toEqual([`Gatehouse-${first}`]);
  });

  it('refuses an unknown customer and lists the known ones', () => {
    expect(() => build({ customer: 'no-such-customer' })).toThrow(`No customer "no-such-customer": infra/customers/no-such-customer.json does not exist (customers: ${CUSTOMERS.join(', ')})`);
  });

  it('is environment-agnostic unless the customer file pins an environment', () => {
    for (const stack of build().stacks) {
      const pinned = stack.customer.env ?? {};
      expect(Token.isUnresolved(stack.region), `${stack.customer.name} region`).toBe(pinned.region === undefined);
      expect(Token.isUnresolved(stack.account), `${stack.customer.name} account`).toBe(pinned.account === undefined);
      if (pinned.region) expect(stack.region).toBe(pinned.region);
    }
  });

  it('fails before synthesizing anything when a customer file is invalid, naming the file and the field', () => {
    writeFileSync(join(dir, 'acme.json'), JSON.stringify({ ...acme, name: 'acme' }));
    const bad = join(dir, 'initech.json');
    writeFileSync(bad, JSON.stringify({ ...acme, name: 'initech', rolePreset: 'owners-only' }));
    expect(() => build({}, dir)).toThrow(`${bad}: rolePreset: must be one of asset-management, admin-member`);
    // Selecting the valid customer still works: a broken file blocks only its own stack.
    expect(build({ customer: 'acme' }, dir).stacks.map((s) => s.stackName)).toEqual(['Gatehouse-acme']);
  });

  it('reports every broken customer file with each of its problems, not only the first file (cdk synth --all)', () => {
    const broken = mkdtempSync(join(tmpdir(), 'gatehouse-customers-'));
    try {
      writeFileSync(join(broken, 'acme.json'), JSON.stringify({ ...acme, name: 'acme' }));
      const initech = join(broken, 'initech.json');
      writeFileSync(initech, JSON.stringify({ ...acme, name: 'initech', rolePreset: 'owners-only', sweepTime: '3am' }));
      const umbrella = join(broken, 'umbrella.json');
      writeFileSync(umbrella, '{ "name": "umbrella", ');
      let message = '';
      try {
        build({}, broken);
      } catch (error) {
        expect(error).toBeInstanceOf(CustomerConfigError);
        message = (error as Error).message;
      }
      const lines = message.split('\n');
      expect(lines[0]).toBe('2 customer files are invalid:');
      expect(lines).toContain(`${initech}: rolePreset: must be one of asset-management, admin-member`);
      expect(lines).toContain(`${initech}: sweepTime: must be a UTC time HH:MM, such as 03:00`);
      expect(lines.filter((line) => line.startsWith(`${umbrella}: not readable JSON: `))).toHaveLength(1);
      expect(lines).toHaveLength(4);
    } finally {
      rmSync(broken, { recursive: true, force: true });
    }
  });

  it('builds one stack per file of any customers directory', () => {
    const three = mkdtempSync(join(tmpdir(), 'gatehouse-customers-'));
    for (const name of ['a1', 'b2', 'c3']) writeFileSync(join(three, `${name}.json`), JSON.stringify({ ...acme, name }));
    expect(build({}, three).stacks.map((s) => s.stackName)).toEqual(['Gatehouse-a1', 'Gatehouse-b2', 'Gatehouse-c3']);
    rmSync(three, { recursive: true, force: true });
  });

  it("synthesizes a copy of a customer file under a new name once the README's fields are edited, keeping nothing of the original", () => {
    const copies = mkdtempSync(join(tmpdir(), 'gatehouse-customers-'));
    // README, "Deploying a customer": the fields a new file must change.
    const globex = {
      ...acme,
      name: 'globex',
      productName: 'Globex Access',
      appUrl: 'https://app.globex.example.net',
      appOrigins: ['https://app.globex.example.net'],
      adminEmail: 'admin@globex.example.net',
      alarmEmail: 'ops@globex.example.net',
      sesFromAddress: 'no-reply@globex.example.net',
    };
    writeFileSync(join(copies, 'globex.json'), JSON.stringify(globex, null, 2));
    try {
      const { app, stacks } = build({}, copies);
      expect(stacks.map((s) => s.stackName)).toEqual(['Gatehouse-globex']);
      app.synth();
      const template = JSON.stringify(Template.fromStack(stacks[0]!).toJSON());
      for (const value of [globex.adminEmail, globex.sesFromAddress, globex.alarmEmail, globex.appUrl, globex.productName]) expect(template).toContain(value);
      // Nothing of the original's addresses or URLs is left (its hosts, its product name).
      const original = [acme.adminEmail, acme.alarmEmail, acme.sesFromAddress, acme.appUrl, acme.productName, ...(acme.appOrigins as string[])] as string[];
      for (const value of original) expect(template).not.toContain(value);
    } finally {
      rmSync(copies, { recursive: true, force: true });
    }
  });
});
