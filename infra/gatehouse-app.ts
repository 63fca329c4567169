/**
 * The CDK app: one `Gatehouse-<name>` stack per customer file, or only the customer named
 * by the `customer` context (`npx cdk synth -c customer=acme`). The customer files are read
 * from infra/customers, or from the folder the `customersDir` context names
 * (`-c customersDir=path`, relative to the working directory). cdk-nag's AwsSolutions
 * pack validates every synth; an unacknowledged finding fails it.
 *
 * CDK's own CloudFormation template validation (its default plugin) is off here unless the
 * `cfnValidation` context is true (`-c cfnValidation=true`): it only warns, finds nothing in
 * these templates, and costs half a second per stack, which made a synth of 10 customers twice
 * the time of 2. `npm test` runs it over every customer file and a variant, and fails on any
 * finding (test/infra/template-lint.test.ts).
 */
import { resolve } from 'node:path';
import { App, type AppProps, CloudFormationValidatePlugin, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { BOOTSTRAP_HANDLER } from '#infra/bootstrap.ts';
import { registerFunctionEntries } from '#infra/bundling.ts';
import { CUSTOMERS_DIR, loadCustomers } from '#infra/customer-config.ts';
import { STREAM_HANDLER } from '#infra/events.ts';
import { MAIL_WORKER_HANDLER } from '#infra/mail.ts';
import { GatehouseStack, stackName } from '#infra/gatehouse-stack.ts';
import { SWEEP_HANDLER } from '#infra/schedules.ts';
import type { RouteDefinition } from '#shared/http/route.ts';
import { ROUTES } from '#shared/routes/index.ts';

export interface GatehouseAppOptions {
  /** Directory of customer files; tests pass their own. Default: the `customersDir` context, else infra/customers. */
  customersDir?: string;
  /** Only this customer's stack; default: the `customer` context, else every customer. */
  customer?: string;
  /** The route table; default: ROUTES. */
  routes?: readonly RouteDefinition[];
  appProps?: AppProps;
}

export function createGatehouseApp(options: GatehouseAppOptions = {}) {
  const app = new App({ builtinCloudFormationValidation: false, ...options.appProps });
  const fromContext: unknown = app.node.tryGetContext('customer');
  if (fromContext !== undefined && typeof fromContext !== 'string') {
    throw new Error('The customer context must be a customer name: -c customer=acme');
  }
  const dirFromContext: unknown = app.node.tryGetContext('customersDir');
  if (dirFromContext !== undefined && (typeof dirFromContext !== 'string' || dirFromContext === '')) {
    throw new Error('The customersDir context must be a folder: -c customersDir=path/to/customers');
  }
  const customers = loadCustomers(options.customersDir ?? (dirFromContext ? resolve(dirFromContext) : CUSTOMERS_DIR), options.customer ?? fromContext);
  const routes = options.routes ?? ROUTES;

  // Every function of every stack, bundled in one esbuild build when the first one needs its
  // bundle (infra/bundling.ts). A function whose entry is missing here is built on its own.
  registerFunctionEntries([...routes.map((route) => route.handler), STREAM_HANDLER, MAIL_WORKER_HANDLER, SWEEP_HANDLER, BOOTSTRAP_HANDLER]);

  const cfnValidation: unknown = app.node.tryGetContext('cfnValidation');
  if (cfnValidation === true || cfnValidation === 'true') Validations.of(app).addPlugins(new CloudFormationValidatePlugin());

  Validations.of(app).addPlugins(
    // writeSuppressionsToCloudFormation: every acknowledgement and its reason is also in the
    // template metadata (cdk_nag.rules_to_suppress), where reviewers and tests can read it.
    new AwsSolutionsChecks(app, { verbose: true, writeSuppressionsToCloudFormation: true }),
  );

  const stacks = customers.map((customer) => {
    const stack = new GatehouseStack(app, stackName(customer.name), {
      customer,
      routes,
      ...(customer.env ? { env: customer.env } : {}),
      description: `Gatehouse (Team and Access) for customer ${customer.name}`,
    });
    Tags.of(stack).add('Application', 'Gatehouse');
    Tags.of(stack).add('Customer', customer.name);
    return stack;
  });
  return { app, stacks };
}
