/** CDK entry point (cdk.json): `npx cdk synth`, `npx cdk deploy -c customer=acme`. */
import { removeBundleCache } from '#infra/bundling.ts';
import { CustomerConfigError } from '#infra/customer-config.ts';
import { createGatehouseApp } from '#infra/gatehouse-app.ts';

try {
  createGatehouseApp().app.synth();
  // The bundles are staged into cdk.out now.
  removeBundleCache();
} catch (error) {
  // A bad customer file is the operator's to fix: show what and where, not a stack trace.
  if (!(error instanceof CustomerConfigError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
