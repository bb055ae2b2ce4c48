/**
 * The CDK app: `npx cdk synth` / `npx cdk deploy`. One stack per agency, from its configuration
 * (`AGENCY_CONFIG_DIR`, the bundled NECS sample by default). cdk-nag's AwsSolutions checks run on every synth.
 */
import { App, Validations } from 'aws-cdk-lib';
import { cdkNag } from './cdk-nag.js';
import { loadAgency } from '../config/load.js';
import { applySuppressions } from './nag-suppressions.js';
import { RequestDeskStack } from './stack.js';

const app = new App();
const { config } = loadAgency();
const stack = new RequestDeskStack(app, `RequestDesk-${config.agency.id}`, {
  agency: config,
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION ?? 'ap-south-1' },
});
applySuppressions(stack);
Validations.of(app).addPlugins(new cdkNag.AwsSolutionsChecks(app, { verbose: true }));
app.synth();
