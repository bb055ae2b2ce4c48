import { RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';

/**
 * Requests per client address in any 5 minutes (WAF's rate-based rules count over a sliding window and
 * block an address while it stays above). The public paths are anonymous and cheap to hammer, so they get
 * far less than signed-in staff, whose console makes several calls per screen.
 */
export const WAF_RATE_LIMITS = {
  /** Everything, staff included: a person clicking through the console stays far below it. */
  all: 3000,
  /** The requesters' portal and its JSON API: forms and pages a person reads. */
  portal: 300,
  /** Meta's webhook: deliveries come from Meta's own addresses, a few per message received. */
  webhook: 600,
} as const;

/** The URI prefixes as the viewer asked for them: WAF inspects the request before CloudFront rewrites `/api/…`. */
export const WAF_PATHS = {
  portal: ['/portal', '/api/public/'],
  webhook: ['/api/social/inbound/'],
} as const;

export interface EdgeWafStackProps extends StackProps {
  /** The agency id, to name the web ACL and its log group. */
  readonly agencyId: string;
}

const startsWithAny = (prefixes: readonly string[]): wafv2.CfnWebACL.StatementProperty => {
  const one = (p: string): wafv2.CfnWebACL.StatementProperty => ({
    byteMatchStatement: {
      fieldToMatch: { uriPath: {} },
      positionalConstraint: 'STARTS_WITH',
      searchString: p,
      textTransformations: [{ priority: 0, type: 'LOWERCASE' }],
    },
  });
  return prefixes.length === 1 ? one(prefixes[0] as string) : { orStatement: { statements: prefixes.map(one) } };
};

const visibility = (name: string): wafv2.CfnWebACL.VisibilityConfigProperty => ({
  cloudWatchMetricsEnabled: true,
  metricName: name,
  sampledRequestsEnabled: true,
});

const rateRule = (
  name: string,
  priority: number,
  limit: number,
  scope?: wafv2.CfnWebACL.StatementProperty,
): wafv2.CfnWebACL.RuleProperty => ({
  name,
  priority,
  action: { block: {} },
  statement: {
    rateBasedStatement: {
      limit,
      evaluationWindowSec: 300,
      aggregateKeyType: 'IP',
      ...(scope ? { scopeDownStatement: scope } : {}),
    },
  },
  visibilityConfig: visibility(name),
});

const managedRule = (name: string, priority: number, overrideToCount: string[] = []): wafv2.CfnWebACL.RuleProperty => ({
  name,
  priority,
  overrideAction: { none: {} },
  statement: {
    managedRuleGroupStatement: {
      vendorName: 'AWS',
      name,
      ...(overrideToCount.length
        ? { ruleActionOverrides: overrideToCount.map((rule) => ({ name: rule, actionToUse: { count: {} } })) }
        : {}),
    },
  },
  visibilityConfig: visibility(name),
});

/**
 * The web ACL in front of CloudFront. A web ACL for CloudFront must live in us-east-1, so it is a stack
 * of its own there; the main stack takes its ARN by a cross-region reference (`crossRegionReferences`,
 * which CDK carries through SSM parameters). Rate-based rules per client address, the tightest on the
 * anonymous paths, and AWS's managed rules for known bad inputs and addresses.
 */
export class EdgeWafStack extends Stack {
  readonly webAcl: wafv2.CfnWebACL;

  constructor(scope: Construct, id: string, props: EdgeWafStackProps) {
    super(scope, id, props);
    this.webAcl = new wafv2.CfnWebACL(this, 'WebAcl', {
      name: `request-desk-${props.agencyId}`,
      description:
        'Request Desk rate limits per client address, tightest on the portal and webhooks, and AWS managed rules',
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      visibilityConfig: visibility(`request-desk-${props.agencyId}`),
      rules: [
        rateRule('RateLimitPortal', 0, WAF_RATE_LIMITS.portal, startsWithAny(WAF_PATHS.portal)),
        rateRule('RateLimitWebhook', 1, WAF_RATE_LIMITS.webhook, startsWithAny(WAF_PATHS.webhook)),
        rateRule('RateLimitAll', 2, WAF_RATE_LIMITS.all),
        managedRule('AWSManagedRulesAmazonIpReputationList', 3),
        managedRule('AWSManagedRulesKnownBadInputsRuleSet', 4),
        // Counted, not blocked: responses carry attachments as base64 JSON (far over the rule set's 8 KB body
        // limit), and staff quote requesters' mail, HTML and links included, in notes and responses. The API
        // validates every body itself (zod) and never renders it as HTML.
        managedRule('AWSManagedRulesCommonRuleSet', 5, [
          'SizeRestrictions_BODY',
          'CrossSiteScripting_BODY',
          'GenericRFI_BODY',
        ]),
      ],
    });
    // WAF's logs go to a log group whose name must start with `aws-waf-logs-`.
    const logGroup = new logs.LogGroup(this, 'Logs', {
      logGroupName: `aws-waf-logs-request-desk-${props.agencyId}`,
      retention: logs.RetentionDays.ONE_YEAR,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    new wafv2.CfnLoggingConfiguration(this, 'Logging', {
      resourceArn: this.webAcl.attrArn,
      logDestinationConfigs: [logGroup.logGroupArn],
    });
  }
}
