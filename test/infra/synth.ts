/**
 * Synthesizes the app the way `npx cdk synth` does (cdk.json's feature flags, real esbuild
 * bundling, the cdk-nag plugin) into a temporary directory. Each test file calls it once,
 * in beforeAll.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import { createGatehouseApp, type GatehouseAppOptions } from '#infra/gatehouse-app.ts';
import { CUSTOMERS_DIR, type CustomerConfig, customerNames } from '#infra/customer-config.ts';
import { removeBundleCache } from '#infra/bundling.ts';
import { PROJECT_ROOT } from '#infra/function.ts';
import type { GatehouseStack } from '#infra/gatehouse-stack.ts';

/**
 * The context the CDK CLI passes: cdk.json's feature flags, and the CLI's defaults that
 * write construct paths and asset paths into the template metadata.
 */
export function cdkJsonContext(): Record<string, unknown> {
  return {
    ...JSON.parse(readFileSync(join(PROJECT_ROOT, 'cdk.json'), 'utf8')).context,
    'aws:cdk:enable-path-metadata': true,
    'aws:cdk:enable-asset-metadata': true,
  };
}

/** Context that skips asset bundling, for tests about which stacks exist, not what they hold. */
export const NO_BUNDLING = { 'aws:cdk:bundling-stacks': [] };

export interface SynthesizedCustomer {
  customer: CustomerConfig;
  stack: GatehouseStack;
  template: Template;
}

export function synthesize(options: Omit<GatehouseAppOptions, 'appProps'> & { context?: Record<string, unknown> } = {}) {
  const outdir = mkdtempSync(join(tmpdir(), 'gatehouse-cdk-'));
  const { app, stacks } = createGatehouseApp({
    ...options,
    appProps: { outdir, context: { ...cdkJsonContext(), ...options.context } },
  });
  const assembly = app.synth();
  // The bundles are staged into the assembly: their cache folder goes (test workers end without 'exit').
  removeBundleCache();
  const synthesized = stacks.map((stack): SynthesizedCustomer => ({
    customer: stack.customer,
    stack,
    template: Template.fromStack(stack),
  }));
  return { app, assembly, outdir, stacks: synthesized };
}

/**
 * The customers of infra/customers, whatever files are there: the shipped examples (acme,
 * northwind) or an operator's own. Every infra test holds for any set of valid files.
 */
export const CUSTOMERS = customerNames();
/** The earlier name of CUSTOMERS. */
export const EXAMPLE_CUSTOMERS = CUSTOMERS;

/** A valid customer file's content to copy and edit in a test: acme.json when it is there, else the first file. */
export function customerFileToCopy(): Record<string, unknown> & { name: string } {
  const name = CUSTOMERS.includes('acme') ? 'acme' : CUSTOMERS[0];
  if (!name) throw new Error(`No customer file in ${CUSTOMERS_DIR}`);
  return JSON.parse(readFileSync(join(CUSTOMERS_DIR, `${name}.json`), 'utf8'));
}

/**
 * The stacks of every customer file, plus variants written for the test (each `{ name, ...fields }`
 * over a copy of a valid file): one synth, no bundling, for tests about what the templates hold.
 */
export function synthesizeWithVariants(variants: readonly (Record<string, unknown> & { name: string })[], beforeSynth?: (stacks: GatehouseStack[]) => void, context: Record<string, unknown> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'gatehouse-customers-'));
  for (const name of CUSTOMERS) copyFileSync(join(CUSTOMERS_DIR, `${name}.json`), join(dir, `${name}.json`));
  for (const variant of variants) writeFileSync(join(dir, `${variant.name}.json`), JSON.stringify({ ...customerFileToCopy(), ...variant }));
  const outdir = mkdtempSync(join(tmpdir(), 'gatehouse-cdk-'));
  const { app, stacks } = createGatehouseApp({ customersDir: dir, appProps: { outdir, context: { ...cdkJsonContext(), ...NO_BUNDLING, ...context } } });
  beforeSynth?.(stacks);
  const assembly = app.synth();
  return { app, assembly, outdir, stacks: stacks.map((stack): SynthesizedCustomer => ({ customer: stack.customer, stack, template: Template.fromStack(stack) })) };
}
