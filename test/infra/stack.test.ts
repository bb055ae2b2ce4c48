import { describe, expect, it } from '@jest/globals';
import { App, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { cdkNag } from '../../infra/cdk-nag.js';
import { acknowledgedFindings, applySuppressions } from '../../infra/nag-suppressions.js';
import { RequestDeskStack } from '../../infra/stack.js';
import { necs } from '../support/agency.js';

/** The stack as `npx cdk synth` builds it, without bundling the functions (tests check resources, not code). */
const synth = (withNag = false) => {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new RequestDeskStack(app, 'RequestDesk-necs', {
    agency: necs.config,
    env: { account: '111111111111', region: 'ap-south-1' },
  });
  applySuppressions(stack);
  if (withNag) Validations.of(app).addPlugins(new cdkNag.AwsSolutionsChecks(app));
  return { app, stack, template: Template.fromStack(stack) };
};
const { template, stack } = synth();
const resources = template.toJSON().Resources as Record<string, { Type: string; Properties: Record<string, unknown> }>;
const logicalIdOf = (type: string, match: (props: Record<string, unknown>) => boolean) =>
  Object.entries(resources).find(([, r]) => r.Type === type && match(r.Properties))?.[0] as string;
const eventsTableId = logicalIdOf('AWS::DynamoDB::GlobalTable', (p) =>
  JSON.stringify(p.KeySchema).includes('streamId'),
);

describe('the events table', () => {
  it('is keyed as the contract says, streams new images, and is protected', () => {
    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      KeySchema: [
        { AttributeName: 'streamId', KeyType: 'HASH' },
        { AttributeName: 'version', KeyType: 'RANGE' },
      ],
      StreamSpecification: { StreamViewType: 'NEW_IMAGE' },
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS' },
      Replicas: [
        Match.objectLike({
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          DeletionProtectionEnabled: true,
        }),
      ],
    });
  });

  it('is append-only by IAM: no function may update, delete or batch-write its items', () => {
    const policies = Object.values(resources).filter((r) => r.Type === 'AWS::IAM::Policy');
    const touching = policies.flatMap((p) =>
      (
        (p.Properties.PolicyDocument as { Statement: { Action: string | string[]; Resource: unknown }[] }).Statement ??
        []
      ).filter((s) => JSON.stringify(s.Resource).includes(eventsTableId)),
    );
    expect(touching.length).toBeGreaterThanOrEqual(9);
    const actions = touching.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]));
    expect(actions).not.toEqual(expect.arrayContaining(['dynamodb:UpdateItem']));
    for (const forbidden of [
      'dynamodb:UpdateItem',
      'dynamodb:DeleteItem',
      'dynamodb:BatchWriteItem',
      'dynamodb:*',
      '*',
    ])
      expect(actions).not.toContain(forbidden);
  });
});

describe('functions', () => {
  const ours = Object.values(resources).filter(
    (r) =>
      r.Type === 'AWS::Lambda::Function' &&
      String(r.Properties.Description ?? '').length > 0 &&
      r.Properties.Environment,
  );

  it('run Node 24, the newest Lambda runtime, on ARM64 with the Powertools environment', () => {
    expect(ours).toHaveLength(12);
    for (const f of ours) {
      expect(f.Properties).toMatchObject({ Runtime: 'nodejs24.x', Architectures: ['arm64'] });
      expect((f.Properties.Environment as { Variables: Record<string, unknown> }).Variables).toMatchObject({
        POWERTOOLS_SERVICE_NAME: expect.any(String),
        EVENTS_TABLE: expect.anything(),
      });
    }
  });

  it('run the bundle of infra/bundle.ts (index.handler) without loading source maps at start', () => {
    for (const f of ours) {
      expect(f.Properties.Handler).toBe('index.handler');
      expect(
        JSON.stringify((f.Properties.Environment as { Variables: Record<string, unknown> }).Variables),
      ).not.toContain('--enable-source-maps');
    }
  });

  it('read the stream reporting partial failures, bisecting, with bounded retries and a failure destination', () => {
    template.resourcePropertiesCountIs(
      'AWS::Lambda::EventSourceMapping',
      {
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        BisectBatchOnFunctionError: true,
        MaximumRetryAttempts: 5,
        DestinationConfig: Match.objectLike({ OnFailure: Match.anyValue() }),
      },
      4,
    );
    template.resourcePropertiesCountIs(
      'AWS::Lambda::EventSourceMapping',
      {
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        EventSourceArn: Match.anyValue(),
        BatchSize: Match.anyValue(),
      },
      8,
    );
  });

  it('send mail only as the agency’s identity', () => {
    const sesStatements = Object.values(resources)
      .filter((r) => r.Type === 'AWS::IAM::Policy')
      .flatMap(
        (p) =>
          (p.Properties.PolicyDocument as { Statement: { Action: string | string[]; Resource: unknown }[] }).Statement,
      )
      .filter((s) => JSON.stringify(s.Action).includes('ses:Send'));
    expect(sesStatements.length).toBe(3); // mailer (portal confirmations too), notifier, monthly report;
    for (const s of sesStatements)
      expect(JSON.stringify(s.Resource)).toContain(`identity/${necs.config.agency.domain}`);
  });
});

describe('queues, mail, API, schedules', () => {
  it('give every queue a dead-letter queue and alarms', () => {
    const queues = Object.values(resources).filter((r) => r.Type === 'AWS::SQS::Queue');
    const withRedrive = queues.filter((q) => q.Properties.RedrivePolicy);
    expect(withRedrive).toHaveLength(4);
    expect(queues.every((q) => q.Properties.KmsMasterKeyId)).toBe(true);
    expect(Object.values(resources).filter((r) => r.Type === 'AWS::CloudWatch::Alarm').length).toBeGreaterThanOrEqual(
      4 * 2 + 9 * 2,
    );
  });

  it("store inbound mail for the intake address in S3 and send SES's receipt, with its verdicts, to the intake queue", () => {
    template.hasResourceProperties('AWS::SES::ReceiptRule', {
      Rule: Match.objectLike({
        Recipients: [necs.config.agency.intakeAddress],
        ScanEnabled: true,
        Actions: [
          Match.objectLike({ S3Action: Match.objectLike({ ObjectKeyPrefix: 'raw/', TopicArn: Match.anyValue() }) }),
        ],
      }),
    });
    template.resourceCountIs('Custom::S3BucketNotifications', 0);
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'sqs',
      RawMessageDelivery: true,
      Endpoint: { 'Fn::GetAtt': [Match.stringLikeRegexp('InboundMail'), 'Arn'] },
    });
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: Match.objectLike({
        Statement: Match.arrayWith([
          Match.objectLike({ Action: 'sns:Publish', Principal: { Service: 'ses.amazonaws.com' } }),
        ]),
      }),
    });
  });

  it('let no user write their own division through the app client', () => {
    const clients = Object.values(template.findResources('AWS::Cognito::UserPoolClient')) as {
      Properties: { ReadAttributes?: string[]; WriteAttributes?: string[] };
    }[];
    expect(clients.length).toBeGreaterThan(0);
    for (const c of clients) {
      expect(c.Properties.WriteAttributes).toBeDefined();
      expect(c.Properties.WriteAttributes).not.toContain('custom:division');
      expect(c.Properties.WriteAttributes).not.toContain('email');
      expect(c.Properties.ReadAttributes).toContain('custom:division');
    }
  });

  it('protect the API with the Cognito user pool, groups for the roles', () => {
    template.resourceCountIs('AWS::Cognito::UserPoolGroup', 8); // one per role, the Social Media Lead's included
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', { AuthorizerType: 'JWT' });
  });

  it('scan each office hour of working days in the agency’s time zone', () => {
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 9-16 ? * MON-FRI *)',
      ScheduleExpressionTimezone: 'Asia/Thimphu',
    });
  });
});

describe('cdk-nag', () => {
  it('finds nothing unacknowledged under AwsSolutions, and every acknowledgement says why', () => {
    const { app } = synth(true);
    expect(() => app.synth()).not.toThrow();
    for (const a of acknowledgedFindings) expect(a.reason.length).toBeGreaterThan(40);
  });
});

describe('the synthesized template', () => {
  it('matches the reviewed snapshot', () => {
    // Asset hashes change with every code change; the resources and their wiring are what is reviewed.
    const json = JSON.stringify(Template.fromStack(stack).toJSON()).replace(/[a-f0-9]{64}(\.zip|\.json)?/g, 'HASH$1');
    expect(JSON.parse(json)).toMatchSnapshot();
  });
});

describe('Cognito follows the directory', () => {
  it('lets only the directory-sync function administer the user pool, fed by directory events only', () => {
    // Prepare
    const policies = Object.entries(resources).filter(([, r]) => r.Type === 'AWS::IAM::Policy');
    const adminOf = (doc: unknown) =>
      ((doc as { Statement: { Action: string | string[] }[] }).Statement ?? [])
        .flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]))
        .filter((a) => a.startsWith('cognito-idp:') || a === '*');
    // Act
    const administering = policies.filter(([, p]) => adminOf(p.Properties.PolicyDocument).length > 0);
    // Assess
    expect(administering).toHaveLength(1);
    const [, policy] = administering[0] as [string, { Properties: Record<string, unknown> }];
    const roleRef = JSON.stringify(policy.Properties.Roles);
    const syncFn = Object.entries(resources).find(
      ([, r]) =>
        r.Type === 'AWS::Lambda::Function' &&
        (r.Properties.Environment as { Variables?: Record<string, unknown> } | undefined)?.Variables
          ?.POWERTOOLS_SERVICE_NAME === 'directory-sync',
    );
    expect(syncFn).toBeDefined();
    expect(roleRef).toContain(
      JSON.stringify((syncFn?.[1].Properties.Role as { 'Fn::GetAtt': string[] })['Fn::GetAtt'][0]),
    );
    expect(adminOf(policy.Properties.PolicyDocument)).not.toContain('cognito-idp:*');
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: syncFn?.[0] },
      FilterCriteria: {
        Filters: [
          {
            Pattern: JSON.stringify({
              eventName: ['INSERT'],
              dynamodb: { NewImage: { streamId: { S: [{ prefix: 'directory#' }] } } },
            }),
          },
        ],
      },
    });
  });
});

describe('runtimes', () => {
  it('every function of the stack, custom resources’ included, runs on Node 24 or has no Node runtime', () => {
    const functions = Object.entries(resources).filter(([, r]) => r.Type === 'AWS::Lambda::Function');
    expect(functions.length).toBeGreaterThanOrEqual(12);
    const nodeRuntimes = functions
      .map(([id, r]) => [id, r.Properties.Runtime] as const)
      .filter(([, rt]) => String(rt).startsWith('nodejs'));
    for (const [id, rt] of nodeRuntimes) expect([id, rt]).toEqual([id, 'nodejs24.x']);
  });
});
