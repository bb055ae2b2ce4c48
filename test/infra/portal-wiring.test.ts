import { describe, expect, it } from '@jest/globals';
import { synthNecs, type Resource } from './synth.js';

/** What the portal and the mail features need from the stack: addresses, mail, secrets, expiry, the requester's address. */
const { stack, resources, ofType } = synthNecs();
const logicalIdOf = (name: string) => stack.getLogicalId(stack.functions[name]?.fn.node.defaultChild as never);
const envOf = (name: string) =>
  ((resources[logicalIdOf(name)] as Resource).Properties.Environment as { Variables: Record<string, unknown> })
    .Variables;
type Statement = { Action: string | string[]; Resource: unknown; Condition?: Record<string, Record<string, unknown>> };
/** Every statement of the policies attached to a function's role. */
const statementsOf = (name: string) => {
  const role = ((resources[logicalIdOf(name)] as Resource).Properties.Role as { 'Fn::GetAtt': [string] })[
    'Fn::GetAtt'
  ][0];
  return ofType('AWS::IAM::Policy')
    .filter(([, p]) => JSON.stringify(p.Properties.Roles).includes(role))
    .flatMap(([, p]) => (p.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
};
const actions = (s: Statement) => [s.Action].flat();
const distribution = ofType('AWS::CloudFront::Distribution')[0]?.[1] as Resource;
const distributionRef = { 'Fn::GetAtt': [ofType('AWS::CloudFront::Distribution')[0]?.[0], 'DomainName'] };

describe('the portal and mail features on AWS', () => {
  it('the API and the mailer know the portal’s public address through CloudFront (tracking links in confirmations and acknowledgments)', () => {
    for (const name of ['api', 'mailer'])
      expect(envOf(name).PORTAL_URL).toEqual({ 'Fn::Join': ['', ['https://', distributionRef, '/portal']] });
  });

  it('the mailer and the notifier link staff to the console’s pages through CloudFront, not a guessed desk.<domain>', () => {
    for (const name of ['mailer', 'notifier'])
      expect(envOf(name).APP_URL).toEqual({ 'Fn::Join': ['', ['https://', distributionRef, '/console']] });
  });

  it('the API sends no mail: it queues the portal’s confirmation on the mail queue, and the mailer reads only the submission it names', () => {
    expect(statementsOf('api').some((s) => actions(s).some((a) => a.startsWith('ses:')))).toBe(false);
    expect(envOf('api').SES_CONFIGURATION_SET).toBeUndefined();
    expect(envOf('api').MAIL_QUEUE_URL).toEqual(envOf('mail-dispatcher').MAIL_QUEUE_URL);
    expect(statementsOf('api').some((s) => actions(s).includes('sqs:SendMessage'))).toBe(true);
    const submissionsRead = statementsOf('mailer').find((s) => actions(s).includes('dynamodb:GetItem') && s.Condition);
    expect(submissionsRead?.Condition).toEqual({
      'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['portal-submission#*'] },
    });
    expect(actions(submissionsRead as Statement)).toEqual(['dynamodb:GetItem']);
  });

  it('the API reads the reply secret the portal’s tokens are keyed with (REPLY_SECRET_ARN, the mailer’s)', () => {
    const secret = ofType('AWS::SecretsManager::Secret')[0]?.[0];
    expect(envOf('api').REPLY_SECRET_ARN).toEqual({ Ref: secret });
    expect(
      statementsOf('api').some(
        (s) =>
          actions(s).includes('secretsmanager:GetSecretValue') && JSON.stringify(s.Resource).includes(String(secret)),
      ),
    ).toBe(true);
  });

  it('the API may write the portal’s partitions of the read models, and no other beyond idempotency', () => {
    const readModels = ofType('AWS::DynamoDB::GlobalTable').find(([, t]) =>
      JSON.stringify(t.Properties.KeySchema).includes('"pk"'),
    )?.[0] as string;
    const writes = statementsOf('api').filter(
      (s) =>
        JSON.stringify(s.Resource).includes(readModels) &&
        actions(s).some((a) => ['dynamodb:PutItem', 'dynamodb:UpdateItem'].includes(a)),
    );
    expect(writes.length).toBeGreaterThan(0);
    expect(writes.every((s) => s.Condition)).toBe(true);
    expect(writes.map((s) => s.Condition)).toContainEqual({
      'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['portal-submission#*', 'portal-limit#*'] },
    });
  });

  it('the read-model table lets unconfirmed portal submissions expire (time-to-live on expiresAtEpoch)', () => {
    const tables = ofType('AWS::DynamoDB::GlobalTable').map(([, t]) => t.Properties);
    const readModels = tables.find((t) => JSON.stringify(t.KeySchema).includes('"pk"'));
    expect(readModels?.TimeToLiveSpecification).toEqual({ AttributeName: 'expiresAtEpoch', Enabled: true });
    const events = tables.find((t) => JSON.stringify(t.KeySchema).includes('streamId'));
    expect(events?.TimeToLiveSpecification).toBeUndefined();
  });

  it.each(['/portal', '/portal/*', '/api/public/*'])(
    'CloudFront sends the viewer’s address to the API on %s (the per-network limit sees the requester)',
    (pattern) => {
      const config = distribution.Properties.DistributionConfig as {
        CacheBehaviors: { PathPattern: string; OriginRequestPolicyId: { Ref: string } }[];
      };
      const b = config.CacheBehaviors.find((c) => c.PathPattern === pattern);
      const policy = resources[b?.OriginRequestPolicyId.Ref as string]?.Properties.OriginRequestPolicyConfig as {
        HeadersConfig: { HeaderBehavior: string; Headers: string[] };
        CookiesConfig: unknown;
        QueryStringsConfig: unknown;
      };
      expect(policy.HeadersConfig.Headers).toContain('CloudFront-Viewer-Address');
      expect(policy.HeadersConfig.Headers).not.toContain('Host'); // API Gateway answers only to its own name
      expect(policy.HeadersConfig.Headers).toEqual(
        expect.arrayContaining(['Content-Type', 'Idempotency-Key', 'If-Match']),
      );
      expect(policy.CookiesConfig).toEqual({ CookieBehavior: 'all' });
      expect(policy.QueryStringsConfig).toEqual({ QueryStringBehavior: 'all' });
    },
  );

  it('/api/public/* is matched before /api/* (CloudFront takes the first pattern that matches)', () => {
    const patterns = (
      distribution.Properties.DistributionConfig as { CacheBehaviors: { PathPattern: string }[] }
    ).CacheBehaviors.map((b) => b.PathPattern);
    expect(patterns.indexOf('/api/public/*')).toBeLessThan(patterns.indexOf('/api/*'));
  });
});
