import { describe, expect, it } from '@jest/globals';
import { App, type CfnElement } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { applySuppressions } from '../../infra/nag-suppressions.js';
import { RequestDeskStack } from '../../infra/stack.js';
import { necs } from '../support/agency.js';

const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
const stack = new RequestDeskStack(app, 'RequestDesk-necs', {
  agency: necs.config,
  env: { account: '111111111111', region: 'ap-south-1' },
});
applySuppressions(stack);
const template = Template.fromStack(stack);
const resources = template.toJSON().Resources as Record<string, { Type: string; Properties: Record<string, unknown> }>;
const idOf = (type: string, match: (p: Record<string, unknown>) => boolean) =>
  Object.entries(resources).find(([, r]) => r.Type === type && match(r.Properties))?.[0] as string;

const bucketId = idOf('AWS::S3::Bucket', (p) => p.ObjectLockEnabled === true);
const keyId = idOf('AWS::KMS::Key', (p) => p.KeySpec === 'ECC_NIST_P256');
const anchorRoleId = stack.getLogicalId(stack.functions.anchor?.fn.role?.node.defaultChild as CfnElement);
type Statement = { Effect: string; Action: string | string[]; Resource: unknown; Condition?: unknown };
const statementsOf = (policy: { Properties: Record<string, unknown> }) =>
  (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement ?? [];
const actionsOf = (s: Statement) => (Array.isArray(s.Action) ? s.Action : [s.Action]);
const policiesOfRole = (roleFragment: string) =>
  Object.values(resources).filter(
    (r) => r.Type === 'AWS::IAM::Policy' && JSON.stringify(r.Properties.Roles).includes(roleFragment),
  );

describe('anchors on AWS', () => {
  it('are written to a bucket locked in COMPLIANCE mode for ten years, private and TLS-only', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      ObjectLockEnabled: true,
      ObjectLockConfiguration: {
        ObjectLockEnabled: 'Enabled',
        Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: 3653 } },
      },
      VersioningConfiguration: { Status: 'Enabled' },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
    });
    expect(resources[bucketId]).toMatchObject({ DeletionPolicy: 'Retain' });
  });

  it('are signed by a P-256 KMS key whose own policy refuses Sign to all but the anchoring function', () => {
    template.hasResourceProperties('AWS::KMS::Key', {
      KeySpec: 'ECC_NIST_P256',
      KeyUsage: 'SIGN_VERIFY',
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Sid: 'OnlyTheAnchoringFunctionSigns',
            Effect: 'Deny',
            Principal: { AWS: '*' },
            Action: 'kms:Sign',
            Condition: { ArnNotEquals: { 'aws:PrincipalArn': { 'Fn::GetAtt': [anchorRoleId, 'Arn'] } } },
          }),
        ]),
      },
    });
    expect(anchorRoleId).toMatch(/^Anchor/);
  });

  it('grant Sign to the anchoring function alone, and nobody a way to delete, unlock or overwrite an anchor', () => {
    const policies = Object.values(resources).filter((r) => r.Type === 'AWS::IAM::Policy');
    const signers = policies.filter((p) => statementsOf(p).some((s) => actionsOf(s).includes('kms:Sign')));
    expect(signers.map((p) => JSON.stringify(p.Properties.Roles))).toEqual([expect.stringContaining(anchorRoleId)]);
    const onBucket = policies.flatMap(statementsOf).filter((s) => JSON.stringify(s.Resource).includes(bucketId));
    const actions = onBucket.flatMap(actionsOf);
    for (const forbidden of [
      's3:DeleteObject',
      's3:DeleteObjectVersion',
      's3:BypassGovernanceRetention',
      's3:PutBucketObjectLockConfiguration',
      's3:PutBucketPolicy',
      's3:*',
      '*',
    ])
      expect(actions).not.toContain(forbidden);
    // The API reads the anchors and the public key published beside them, nothing more: no action on the key
    const api = policiesOfRole('ApiFunction').flatMap(statementsOf);
    expect(api.filter((s) => JSON.stringify(s.Resource).includes(keyId)).flatMap(actionsOf)).toEqual([]);
    expect(
      api
        .filter((s) => JSON.stringify(s.Resource).includes(bucketId))
        .flatMap(actionsOf)
        .sort(),
    ).toEqual(['s3:GetObject', 's3:ListBucket']);
  });

  it('let the anchoring function read heads and its pending list, never write or delete an event', () => {
    const statements = policiesOfRole(anchorRoleId).flatMap(statementsOf);
    const eventsId = idOf('AWS::DynamoDB::GlobalTable', (p) => JSON.stringify(p.KeySchema).includes('streamId'));
    expect(
      statements
        .filter((s) => JSON.stringify(s.Resource).includes(eventsId))
        .flatMap(actionsOf)
        .sort(),
    ).toEqual(['dynamodb:GetItem', 'dynamodb:Scan']);
    expect(statements).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          Action: ['dynamodb:Query', 'dynamodb:DeleteItem'],
          Condition: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['anchor#pending'] } },
        }),
      ]),
    );
  });

  it('run each working day after close of office in the agency’s zone, and the heads consumer sees every head written', () => {
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(30 17 ? * MON,TUE,WED,THU,FRI *)',
      ScheduleExpressionTimezone: 'Asia/Thimphu',
    });
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FilterCriteria: {
        Filters: [
          {
            Pattern: JSON.stringify({
              eventName: ['INSERT', 'MODIFY'],
              dynamodb: { Keys: { version: { N: ['0'] } }, NewImage: { kind: { S: ['head'] } } },
            }),
          },
        ],
      },
    });
  });
});
