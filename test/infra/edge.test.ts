import { describe, expect, it } from '@jest/globals';
import { App, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { agencyStacks } from '../../infra/agency-stacks.js';
import { cdkNag } from '../../infra/cdk-nag.js';
import { WAF_RATE_LIMITS } from '../../infra/edge-waf-stack.js';
import { THROTTLES } from '../../infra/public-routes.js';
import { necs } from '../support/agency.js';
import type { Resource } from './synth.js';

/** The deployment as `npx cdk deploy --all` builds it (infra/app.ts), optionally with the API's own domain. */
const deployment = (apiDomain?: { domainName: string; certificateArn: string }) => {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const { edge, stack } = agencyStacks(app, necs.config, {
    account: '111111111111',
    region: 'ap-south-1',
    ...(apiDomain ? { apiDomain } : {}),
  });
  return { app, edge: Template.fromStack(edge), main: Template.fromStack(stack), edgeStack: edge };
};
const { edge, main, edgeStack } = deployment();
const withDomain = deployment({
  domainName: 'api.desk.necs.example',
  certificateArn: 'arn:aws:acm:ap-south-1:111111111111:certificate/0f0e0d0c-0000-4000-8000-000000000000',
}).main;

type Rule = {
  Name: string;
  Priority: number;
  Action?: unknown;
  Statement: { RateBasedStatement?: { Limit: number; AggregateKeyType: string; ScopeDownStatement?: unknown } };
};
const rules = (Object.values(edge.findResources('AWS::WAFv2::WebACL'))[0] as Resource).Properties.Rules as Rule[];
const rule = (name: string) => rules.find((r) => r.Name === name);

describe('the edge: a WAF web ACL in us-east-1 in front of CloudFront', () => {
  it('lives in us-east-1 with CloudFront scope, and the distribution uses it', () => {
    expect(edgeStack.region).toBe('us-east-1');
    edge.hasResourceProperties('AWS::WAFv2::WebACL', { Scope: 'CLOUDFRONT', DefaultAction: { Allow: {} } });
    const distribution = Object.values(main.findResources('AWS::CloudFront::Distribution'))[0] as Resource;
    // The ARN crosses regions through an SSM parameter that CDK writes and reads.
    expect(JSON.stringify((distribution.Properties.DistributionConfig as { WebACLId?: unknown }).WebACLId)).toMatch(
      /ExportsReader|cdk\/exports/,
    );
  });

  it('rate-limits the portal, the public API and webhooks per client address, tighter than everything else', () => {
    const portal = rule('RateLimitPortal');
    const webhook = rule('RateLimitWebhook');
    const all = rule('RateLimitAll');
    for (const r of [portal, webhook, all])
      expect(r).toMatchObject({
        Action: { Block: {} },
        Statement: { RateBasedStatement: { AggregateKeyType: 'IP', EvaluationWindowSec: 300 } },
      });
    expect(portal?.Statement.RateBasedStatement?.Limit).toBeLessThan(WAF_RATE_LIMITS.all);
    expect(webhook?.Statement.RateBasedStatement?.Limit).toBeLessThan(WAF_RATE_LIMITS.all);
    const scope = (r?: Rule) => JSON.stringify(r?.Statement.RateBasedStatement?.ScopeDownStatement);
    for (const p of ['/api/public/', '/portal']) expect(scope(portal)).toContain(`"SearchString":"${p}"`);
    expect(scope(webhook)).toContain('"SearchString":"/api/social/inbound/"');
    expect(all?.Statement.RateBasedStatement?.ScopeDownStatement).toBeUndefined();
  });

  it('applies AWS’s managed rules without blocking large response bodies, and logs to its own log group', () => {
    expect(rules.map((r) => r.Name)).toEqual(
      expect.arrayContaining([
        'AWSManagedRulesAmazonIpReputationList',
        'AWSManagedRulesKnownBadInputsRuleSet',
        'AWSManagedRulesCommonRuleSet',
      ]),
    );
    const overrides = (
      rule('AWSManagedRulesCommonRuleSet')?.Statement as {
        ManagedRuleGroupStatement: { RuleActionOverrides: { Name: string; ActionToUse: unknown }[] };
      }
    ).ManagedRuleGroupStatement.RuleActionOverrides;
    expect(overrides).toEqual(expect.arrayContaining([{ Name: 'SizeRestrictions_BODY', ActionToUse: { Count: {} } }]));
    edge.hasResourceProperties('AWS::Logs::LogGroup', { LogGroupName: Match.stringLikeRegexp('^aws-waf-logs-') });
    edge.resourceCountIs('AWS::WAFv2::LoggingConfiguration', 1);
  });

  it('passes cdk-nag on both stacks, with no WAF finding acknowledged', () => {
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
    agencyStacks(app, necs.config, { account: '111111111111', region: 'ap-south-1' });
    Validations.of(app).addPlugins(new cdkNag.AwsSolutionsChecks(app));
    expect(() => app.synth()).not.toThrow();
  });
});

describe('API Gateway behind CloudFront', () => {
  it('with the API’s own domain: the execute-api endpoint is off and CloudFront reaches the API by that name', () => {
    withDomain.hasResourceProperties('AWS::ApiGatewayV2::Api', { DisableExecuteApiEndpoint: true });
    withDomain.hasResourceProperties('AWS::ApiGatewayV2::DomainName', {
      DomainName: 'api.desk.necs.example',
      DomainNameConfigurations: [Match.objectLike({ EndpointType: 'REGIONAL' })],
    });
    withDomain.resourceCountIs('AWS::ApiGatewayV2::ApiMapping', 1);
    const distribution = Object.values(withDomain.findResources('AWS::CloudFront::Distribution'))[0] as Resource;
    const origins = (
      distribution.Properties.DistributionConfig as { Origins: { DomainName: unknown; CustomOriginConfig?: unknown }[] }
    ).Origins;
    const apiOrigin = origins.find((o) => o.CustomOriginConfig);
    expect(JSON.stringify(apiOrigin?.DomainName)).not.toContain('execute-api');
    expect(JSON.stringify(apiOrigin?.DomainName)).toContain('ApiDomain');
  });

  it('throttles public routes apart from the staff’s', () => {
    const stage = Object.values(main.findResources('AWS::ApiGatewayV2::Stage'))[0] as Resource;
    expect(stage.Properties.DefaultRouteSettings).toEqual({
      ThrottlingBurstLimit: THROTTLES.staff.burstLimit,
      ThrottlingRateLimit: THROTTLES.staff.rateLimit,
    });
    expect(Object.keys(stage.Properties.RouteSettings as object)).toEqual(
      expect.arrayContaining(['POST /public/{proxy+}', 'POST /social/inbound/facebook', 'GET /portal/{proxy+}']),
    );
  });
});

describe('a synth without an account', () => {
  it('never emits a cross-region import that cannot deploy: the distribution is left unlinked, with a warning', () => {
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
    const { stack } = agencyStacks(app, necs.config, { region: 'ap-south-1' });
    const distribution = Object.values(
      Template.fromStack(stack).findResources('AWS::CloudFront::Distribution'),
    )[0] as Resource;
    expect(JSON.stringify(distribution.Properties.DistributionConfig)).not.toContain('Fn::ImportValue');
    expect(stack.node.metadata.map((m) => String(m.data))).toEqual(
      expect.arrayContaining([expect.stringContaining('not linked to the edge stack')]),
    );
  });
});
