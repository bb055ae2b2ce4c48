/**
 * The CDK app: `npx cdk synth` / `npx cdk deploy --all`. Per agency, from its configuration
 * (`AGENCY_CONFIG_DIR`, the bundled NECS sample by default): the edge stack with the WAF web ACL in
 * us-east-1 and the agency's stack (infra/agency-stacks.ts). cdk-nag's AwsSolutions checks run on every synth.
 *
 * Context (`-c name=value`): `alarmEmail` (default: the agency's archive address), `apiDomainName` and
 * `apiCertificateArn` (the API's own domain: disables the execute-api endpoint; docs/aws.md).
 */
import { App, Validations } from 'aws-cdk-lib';
import { cdkNag } from './cdk-nag.js';
import { loadAgency } from '../config/load.js';
import { agencyStacks } from './agency-stacks.js';

const app = new App();
const { config } = loadAgency();
const context = (name: string): string | undefined => (app.node.tryGetContext(name) as string | undefined) || undefined;
const apiDomainName = context('apiDomainName');
const apiCertificateArn = context('apiCertificateArn');
const alarmEmail = context('alarmEmail');

agencyStacks(app, config, {
  ...(process.env.CDK_DEFAULT_ACCOUNT ? { account: process.env.CDK_DEFAULT_ACCOUNT } : {}),
  region: process.env.CDK_DEFAULT_REGION ?? 'ap-south-1',
  ...(alarmEmail ? { alarmEmail } : {}),
  ...(apiDomainName && apiCertificateArn
    ? { apiDomain: { domainName: apiDomainName, certificateArn: apiCertificateArn } }
    : {}),
});
Validations.of(app).addPlugins(new cdkNag.AwsSolutionsChecks(app, { verbose: true }));
app.synth();
