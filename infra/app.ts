/** CDK entry point (cdk.json): `npx cdk synth --all`, `npx cdk deploy -c customer=acme`. */
import { createGatehouseApp } from '#infra/gatehouse-app.ts';

createGatehouseApp().app.synth();
