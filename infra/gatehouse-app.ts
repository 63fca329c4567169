/**
 * The CDK app: one `Gatehouse-<name>` stack per customer file, or only the customer named
 * by the `customer` context (`npx cdk synth -c customer=acme`). cdk-nag's AwsSolutions
 * pack validates every synth; an unacknowledged finding fails it.
 */
import { App, type AppProps, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { CUSTOMERS_DIR, loadCustomers } from '#infra/customer-config.ts';
import { GatehouseStack, stackName } from '#infra/gatehouse-stack.ts';
import type { RouteDefinition } from '#shared/http/route.ts';
import { ROUTES } from '#shared/routes/index.ts';

export interface GatehouseAppOptions {
  /** Directory of customer files; tests pass their own. */
  customersDir?: string;
  /** Only this customer's stack; default: the `customer` context, else every customer. */
  customer?: string;
  /** The route table; default: ROUTES. */
  routes?: readonly RouteDefinition[];
  appProps?: AppProps;
}

export function createGatehouseApp(options: GatehouseAppOptions = {}) {
  const app = new App(options.appProps);
  const fromContext: unknown = app.node.tryGetContext('customer');
  if (fromContext !== undefined && typeof fromContext !== 'string') {
    throw new Error('The customer context must be a customer name: -c customer=acme');
  }
  const customers = loadCustomers(options.customersDir ?? CUSTOMERS_DIR, options.customer ?? fromContext);

  Validations.of(app).addPlugins(
    // writeSuppressionsToCloudFormation: every acknowledgement and its reason is also in the
    // template metadata (cdk_nag.rules_to_suppress), where reviewers and tests can read it.
    new AwsSolutionsChecks(app, { verbose: true, writeSuppressionsToCloudFormation: true }),
  );

  const stacks = customers.map((customer) => {
    const stack = new GatehouseStack(app, stackName(customer.name), {
      customer,
      routes: options.routes ?? ROUTES,
      ...(customer.env ? { env: customer.env } : {}),
      description: `Gatehouse (Team and Access) for customer ${customer.name}`,
    });
    Tags.of(stack).add('Application', 'Gatehouse');
    Tags.of(stack).add('Customer', customer.name);
    return stack;
  });
  return { app, stacks };
}
