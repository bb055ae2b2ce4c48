import { Annotations, type App } from 'aws-cdk-lib';
import type { AgencyConfig } from '../domain/agency/config.js';
import { EdgeWafStack } from './edge-waf-stack.js';
import { applySuppressions } from './nag-suppressions.js';
import { RequestDeskStack } from './stack.js';

export interface AgencyStacksOptions {
  readonly account?: string;
  /** The agency stack's region (the edge stack is always in us-east-1). */
  readonly region: string;
  readonly alarmEmail?: string;
  readonly apiDomain?: { readonly domainName: string; readonly certificateArn: string };
}

/**
 * One agency's deployment: the edge stack with the WAF web ACL in us-east-1 (where CloudFront's must be)
 * and the agency's stack, which takes the web ACL's ARN by a cross-region reference (CDK carries it through
 * SSM parameters). `infra/app.ts` deploys these; the infra tests synthesise the same.
 */
export const agencyStacks = (
  app: App,
  agency: AgencyConfig,
  options: AgencyStacksOptions,
): { edge: EdgeWafStack; stack: RequestDeskStack } => {
  const edge = new EdgeWafStack(app, `RequestDesk-${agency.agency.id}-edge`, {
    agencyId: agency.agency.id,
    env: { account: options.account, region: 'us-east-1' },
    crossRegionReferences: true,
  });
  const stack = new RequestDeskStack(app, `RequestDesk-${agency.agency.id}`, {
    agency,
    env: { account: options.account, region: options.region },
    crossRegionReferences: true,
    // A cross-region reference needs both environments known: without an account (a synth without
    // credentials) CDK would emit a same-region import that cannot deploy, so the link is left out then.
    ...(options.account ? { webAclArn: edge.webAcl.attrArn } : {}),
    ...(options.alarmEmail ? { alarmEmail: options.alarmEmail } : {}),
    ...(options.apiDomain ? { apiDomain: options.apiDomain } : {}),
  });
  if (!options.account)
    Annotations.of(stack).addWarningV2(
      'request-desk:no-account',
      'Synthesised without an account (CDK_DEFAULT_ACCOUNT): the distribution is not linked to the edge stack’s web ACL. `cdk deploy` with credentials links it.',
    );
  applySuppressions(stack);
  return { edge, stack };
};
