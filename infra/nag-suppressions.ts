import { Validations, type Stack } from 'aws-cdk-lib';
import { OBJECT_PREFIXES } from './object-prefixes.js';

/**
 * The cdk-nag findings we accept, each with its reason (cdk-nag 3 acknowledges through CDK's
 * `Validations`). Nothing else may be acknowledged; the infra test fails on any other finding.
 */
const IAM5 = (target: string) => `AwsSolutions::AwsSolutions-IAM5[${target}]`;
const objectPrefix = (prefix: string) => ({
  id: IAM5(`Resource::<DataMailEA0BA68C.Arn>/${prefix}/*`),
  reason: `Objects under ${prefix}/ of our own mail bucket: the functions that store or read them are granted exactly that prefix.`,
});

export const acknowledgedFindings: readonly { id: string; reason: string }[] = [
  {
    id: 'AwsSolutions::AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
    reason:
      'Functions use the AWS-managed basic execution policy only to write their own CloudWatch logs; all data access is granted by explicit least-privilege statements.',
  },
  {
    id: IAM5('Action::kms:ReEncrypt*'),
    reason:
      'CDK’s KMS grant for our own customer-managed key (encrypt/decrypt of table items, objects and messages); scoped to that one key.',
  },
  {
    id: IAM5('Action::kms:GenerateDataKey*'),
    reason: 'CDK’s KMS grant for our own customer-managed key (data keys for encryption); scoped to that one key.',
  },
  {
    id: IAM5('Resource::<DataReadModelsE81EF92D.Arn>/index/*'),
    reason: 'Queries on the read-model table’s own indexes (open-by-due, by-division); no other table.',
  },
  ...[...new Set(Object.values(OBJECT_PREFIXES).flatMap((f) => Object.values(f).flat()))].map(objectPrefix),
  {
    id: IAM5('Resource::<SlaScanFunction2972E486.Arn>:*'),
    reason: 'EventBridge Scheduler’s role may invoke the scan function’s versions and aliases; that one function only.',
  },
  {
    id: IAM5('Resource::<MonthlyReportFunction20904E7A.Arn>:*'),
    reason:
      'EventBridge Scheduler’s role may invoke the monthly-report function’s versions and aliases; that one function only.',
  },
  {
    id: IAM5('Resource::<AnchorsBucketE0A93AD3.Arn>/anchors/*'),
    reason:
      'Objects under anchors/ of the Object Lock bucket: the anchoring function writes each anchor once (locked in COMPLIANCE mode), the API reads them.',
  },
  {
    id: IAM5('Resource::<AnchorFunction9A31CCE1.Arn>:*'),
    reason:
      'EventBridge Scheduler’s role may invoke the anchoring function’s versions and aliases; that one function only.',
  },
  {
    id: 'AwsSolutions::AwsSolutions-APIG4',
    reason:
      'Every staff route uses the Cognito authorizer; the routes of infra/public-routes.ts are public by the contract (due dates, holidays, anchors, published pages, the API reference, the requesters’ portal and Meta’s signed webhook), each throttled on its own.',
  },
  {
    id: 'AwsSolutions::AwsSolutions-SMG4',
    reason:
      'The reply-token key signs reply addresses already in requesters’ mailboxes; automatic rotation would break their replies, so it is rotated by hand with a grace period. The Meta secret holds values Meta issues (app secret, page access token): they are rotated in the Meta app, then entered by hand.',
  },
  {
    id: 'AwsSolutions::AwsSolutions-SQS3',
    reason:
      'StreamFailures is itself the dead-letter destination of the stream event sources (records that failed every retry); a DLQ of a DLQ would only move the problem.',
  },
];

export const applySuppressions = (stack: Stack): void => {
  for (const finding of acknowledgedFindings) Validations.of(stack).acknowledge(finding);
};
