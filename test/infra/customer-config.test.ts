import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ALARM_DEFAULTS, CUSTOMERS_DIR, CustomerConfigError, customerNames, loadCustomer, loadCustomers } from '#infra/customer-config.ts';
import { EXAMPLE_CUSTOMERS } from './synth.ts';

const valid = {
  name: 'globex',
  rolePreset: 'admin-member',
  productName: 'Globex Assets',
  appUrl: 'https://app.globex.example.com/start',
  appOrigins: ['https://app.globex.example.com'],
  adminEmail: 'admin@globex.example.com',
  alarmEmail: 'ops@globex.example.com',
  sesFromAddress: 'no-reply@globex.example.com',
  mfa: 'required',
};

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'gatehouse-customers-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Writes `<dir>/<name>.json` and returns its path. */
function write(name: string, content: unknown): string {
  const file = join(dir, `${name}.json`);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

/** The error message of loading a file, which the test expects to fail. */
function failure(file: string): string {
  try {
    loadCustomer(file);
  } catch (error) {
    expect(error).toBeInstanceOf(CustomerConfigError);
    return (error as Error).message;
  }
  throw new Error(`${file} loaded, but was expected to fail`);
}

describe('the customer files of infra/customers', () => {
  it('all validate, each named after its file, whichever files are there', () => {
    expect(customerNames()).toEqual(EXAMPLE_CUSTOMERS);
    expect(EXAMPLE_CUSTOMERS.length).toBeGreaterThan(0);
    expect(loadCustomers().map((c) => c.name)).toEqual(customerNames());
    for (const name of customerNames()) expect(loadCustomer(join(CUSTOMERS_DIR, `${name}.json`)).name).toBe(name);
  });

  it('get the documented defaults where they leave a field out', () => {
    const config = loadCustomer(write('globex', valid));
    expect(config.invitationEmailsPerDay).toBe(200);
    expect(config.sweepTime).toBe('03:00');
    expect(config.throttling).toEqual({ rateLimit: 50, burstLimit: 100 });
    expect(config.env).toBeUndefined();
  });
});

describe('the hosted pages and appUrl', () => {
  it('deploys the hosted pages by default, and takes appUrl and appOrigins as optional beside them', () => {
    expect(loadCustomer(write('globex', valid)).hostedPages).toBe(true);
    const { appUrl: _, appOrigins: __, ...rest } = valid;
    const pagesOnly = loadCustomer(write('globex', rest));
    expect(pagesOnly).toMatchObject({ hostedPages: true, appOrigins: [] });
    expect(pagesOnly.appUrl).toBeUndefined();
  });

  it('takes hostedPages false with an appUrl (the customer hosts the pages)', () => {
    expect(loadCustomer(write('globex', { ...valid, hostedPages: false })).hostedPages).toBe(false);
  });
});

describe('an invalid customer file', () => {
  it('names the file and the field: an unknown role preset', () => {
    const file = write('globex', { ...valid, rolePreset: 'superusers' });
    expect(failure(file)).toBe(`${file}: rolePreset: must be one of asset-management, admin-member`);
  });

  it('names a missing field as required', () => {
    const { adminEmail: _, ...rest } = valid;
    const file = write('globex', rest);
    expect(failure(file)).toBe(`${file}: adminEmail: is required`);
  });

  it('reports every bad field, one line each', () => {
    const file = write('globex', { ...valid, mfa: 'sometimes', sweepTime: '3am', throttling: { rateLimit: 0 } });
    expect(failure(file).split('\n')).toEqual([
      `${file}: mfa: must be one of off, optional, required`,
      `${file}: sweepTime: must be a UTC time HH:MM, such as 03:00`,
      `${file}: throttling.rateLimit: must be positive`,
    ]);
  });

  it('refuses a name other than the file name', () => {
    const file = write('initech', valid);
    expect(failure(file)).toBe(`${file}: name: must equal the file name "initech"`);
  });

  it('refuses an http URL and origins with a path', () => {
    const file = write('globex', { ...valid, appUrl: 'http://app.globex.example.com', appOrigins: ['https://app.globex.example.com/'] });
    expect(failure(file)).toContain(`${file}: appUrl: must be an https URL`);
    expect(failure(file)).toContain(`${file}: appOrigins[0]: must be an origin`);
  });

  it("refuses an empty origin list beside an appUrl (the app's origin must be in it)", () => {
    const file = write('globex', { ...valid, appOrigins: [] });
    expect(failure(file)).toBe(`${file}: appOrigins: must include the origin of appUrl (https://app.globex.example.com)`);
  });

  it('requires appUrl when the hosted pages are turned off: the emails need somewhere to link to', () => {
    const { appUrl: _, ...rest } = valid;
    const file = write('globex', { ...rest, hostedPages: false });
    expect(failure(file)).toBe(`${file}: appUrl: is required when hostedPages is false (the links in emails need a web client to open)`);
  });

  it('refuses a hostedPages that is not a boolean', () => {
    const file = write('globex', { ...valid, hostedPages: 'yes' });
    expect(failure(file)).toBe(`${file}: hostedPages: must be true or false`);
  });

  it("requires the app's own origin among the CORS origins", () => {
    const file = write('globex', { ...valid, appOrigins: ['https://other.globex.example.com'] });
    expect(failure(file)).toBe(`${file}: appOrigins: must include the origin of appUrl (https://app.globex.example.com)`);
  });

  it('refuses unknown fields, so a typo is not silently ignored', () => {
    const file = write('globex', { ...valid, mfaa: 'off' });
    expect(failure(file)).toBe(`${file}: (file): unknown field mfaa`);
  });

  it('refuses a file that is not JSON', () => {
    const file = write('globex', '{ "name": "globex", ');
    expect(failure(file)).toMatch(new RegExp(`^${file}: not readable JSON`));
  });

  it('refuses a malformed pinned environment', () => {
    const file = write('globex', { ...valid, env: { account: '12345', region: 'eu-west-1' } });
    expect(failure(file)).toBe(`${file}: env.account: must be a 12-digit AWS account id`);
  });
});

describe('loading a directory', () => {
  it('loads every file, sorted by name, or only the selected customer', () => {
    write('globex', valid);
    write('initech', { ...valid, name: 'initech' });
    expect(loadCustomers(dir).map((c) => c.name)).toEqual(['globex', 'initech']);
    expect(loadCustomers(dir, 'initech').map((c) => c.name)).toEqual(['initech']);
  });

  it("does not read other customers' files when one customer is selected", () => {
    write('globex', valid);
    write('broken', { name: 'broken' });
    expect(loadCustomers(dir, 'globex').map((c) => c.name)).toEqual(['globex']);
    expect(() => loadCustomers(dir)).toThrow(/broken\.json: rolePreset: is required/);
  });

  it('names the known customers when the selected one does not exist', () => {
    write('globex', valid);
    expect(() => loadCustomers(dir, 'umbrella')).toThrow('No customer "umbrella"');
    expect(() => loadCustomers(dir, 'umbrella')).toThrow('(customers: globex)');
  });

  it('refuses an empty directory', () => {
    expect(() => loadCustomers(dir)).toThrow('no customer files');
  });
});

describe('the operations fields: alarms, tracing, waf', () => {
  it('default to the documented thresholds, no tracing and a WAF', () => {
    const config = loadCustomer(write('globex', valid));
    expect(config.alarms).toEqual(ALARM_DEFAULTS);
    expect(config.alarms.sesBouncePercent).toBeLessThan(5);
    expect(config.alarms.sesComplaintPercent).toBeLessThan(0.1);
    expect({ tracing: config.tracing, waf: config.waf }).toEqual({ tracing: false, waf: true });
  });

  it('take some alarm thresholds and default the others', () => {
    const config = loadCustomer(write('globex', { ...valid, alarms: { apiLatencyP99Ms: 1500, functionErrors: 3 }, tracing: true, waf: false }));
    expect(config.alarms).toEqual({ ...ALARM_DEFAULTS, apiLatencyP99Ms: 1500, functionErrors: 3 });
    expect({ tracing: config.tracing, waf: config.waf }).toEqual({ tracing: true, waf: false });
  });

  it("refuses SES thresholds at or above AWS's review thresholds, and names each bad field", () => {
    const file = write('globex', { ...valid, alarms: { sesBouncePercent: 5, sesComplaintPercent: 0.1, functionErrors: -1 }, waf: 'no' });
    expect(failure(file).split('\n')).toEqual([
      `${file}: alarms.functionErrors: must be at least 0`,
      `${file}: alarms.sesBouncePercent: must be below 5 (AWS reviews the account at 5%)`,
      `${file}: alarms.sesComplaintPercent: must be below 0.1 (AWS reviews the account at 0.1%)`,
      `${file}: waf: must be true or false`,
    ]);
  });

  it('refuses an unknown alarm, so a typo is not silently ignored', () => {
    const file = write('globex', { ...valid, alarms: { apiLatencyMs: 100 } });
    expect(failure(file)).toBe(`${file}: alarms: unknown field apiLatencyMs`);
  });
});
