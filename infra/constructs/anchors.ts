import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { eventStreamSource } from './event-stream-source.js';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as targets from 'aws-cdk-lib/aws-scheduler-targets';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { CalendarSettings } from '../../domain/agency/config.js';
import type { DeskFunction, FunctionSpec } from './functions.js';

/** Ten years, the default retention of an anchor (COMPLIANCE mode: nobody can shorten or delete it). */
export const DEFAULT_ANCHOR_RETENTION_DAYS = 3653;
/** The read-model partition of heads changed since the last anchor (see adapters/anchors/dynamo-heads.ts). */
const PENDING_HEADS_PK = 'anchor#pending';
const CRON_DAYS = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'];

export interface AnchorsProps {
  readonly events: dynamodb.ITableV2;
  readonly readModels: dynamodb.ITableV2;
  /** The key the tables are encrypted with (the functions decrypt what they read). */
  readonly dataKey: kms.IKey;
  readonly accessLogs: s3.IBucket;
  readonly streamFailures: sqs.IQueue;
  readonly calendar: CalendarSettings;
  readonly retentionDays?: number;
  /** Makes a function of the system (the stack's DeskFunction factory, with the shared environment). */
  readonly makeFunction: (id: string, spec: FunctionSpec) => DeskFunction;
}

/**
 * Tamper evidence beyond one stream: the Object Lock bucket the anchors are written to (COMPLIANCE mode,
 * default ten years), the KMS signing key (ECC_NIST_P256, SIGN_VERIFY) that only the anchoring function
 * may sign with, the anchoring function on a schedule after close of office each working day in the
 * agency's zone, and the stream consumer that keeps the heads changed since the last anchor.
 */
export class Anchors extends Construct {
  readonly bucket: s3.Bucket;
  readonly signingKey: kms.Key;
  readonly anchor: DeskFunction;
  readonly heads: DeskFunction;
  readonly schedule: scheduler.Schedule;

  constructor(scope: Construct, id: string, props: AnchorsProps) {
    super(scope, id);
    const retentionDays = props.retentionDays ?? DEFAULT_ANCHOR_RETENTION_DAYS;
    this.bucket = new s3.Bucket(this, 'Bucket', {
      objectLockEnabled: true,
      objectLockDefaultRetention: s3.ObjectLockRetention.compliance(Duration.days(retentionDays)),
      versioned: true,
      // Anchors are published (GET /anchors); S3-managed encryption keeps them readable without our key.
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      serverAccessLogsBucket: props.accessLogs,
      serverAccessLogsPrefix: 'anchors/',
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.signingKey = new kms.Key(this, 'SigningKey', {
      description:
        'Request Desk: signs anchors (Merkle roots of every stream head); only the anchoring function may sign',
      keySpec: kms.KeySpec.ECC_NIST_P256,
      keyUsage: kms.KeyUsage.SIGN_VERIFY,
      pendingWindow: Duration.days(30),
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.anchor = props.makeFunction('Anchor', {
      name: 'anchor',
      description: 'Anchors: signed Merkle root over every stream head, written once to the locked bucket',
      memoryMb: 1024,
      timeout: Duration.minutes(10),
      environment: {
        ANCHOR_BUCKET: this.bucket.bucketName,
        ANCHOR_KEY_ID: this.signingKey.keyArn,
        ANCHOR_RETENTION_DAYS: String(retentionDays),
      },
    });
    this.heads = props.makeFunction('AnchorHeads', {
      name: 'anchor-heads',
      description: 'Anchors: heads changed since the last anchor, from the events stream',
    });

    // The anchoring function: reads heads (scan of head items, an event's hash), its pending list, writes anchors.
    this.anchor.allow(['dynamodb:Scan', 'dynamodb:GetItem'], [props.events.tableArn]);
    this.anchor.fn.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['dynamodb:Query', 'dynamodb:DeleteItem'],
        resources: [props.readModels.tableArn],
        conditions: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': [PENDING_HEADS_PK] } },
      }),
    );
    // PutObjectRetention: S3 requires it to set the lock on upload; in COMPLIANCE mode it can only lengthen one.
    this.anchor.allow(
      ['s3:PutObject', 's3:PutObjectRetention', 's3:GetObject'],
      [this.bucket.arnForObjects('anchors/*')],
    );
    this.anchor.fn.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['s3:ListBucket'],
        resources: [this.bucket.bucketArn],
        conditions: { StringLike: { 's3:prefix': ['anchors/*'] } },
      }),
    );
    this.anchor.allow(['kms:Sign', 'kms:GetPublicKey'], [this.signingKey.keyArn]);
    props.dataKey.grantDecrypt(this.anchor.fn);

    // The key policy itself refuses Sign to every principal but the anchoring function's role.
    const anchorRole = this.anchor.fn.role as iam.IRole;
    this.signingKey.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'OnlyTheAnchoringFunctionSigns',
        effect: iam.Effect.DENY,
        principals: [new iam.AnyPrincipal()],
        actions: ['kms:Sign'],
        resources: ['*'],
        conditions: { ArnNotEquals: { 'aws:PrincipalArn': anchorRole.roleArn } },
      }),
    );

    // The stream consumer: every head item written (inserted or replaced) marks its stream as changed.
    this.heads.allow(['dynamodb:GetItem'], [props.events.tableArn]);
    this.heads.fn.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['dynamodb:PutItem'],
        resources: [props.readModels.tableArn],
        conditions: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': [PENDING_HEADS_PK] } },
      }),
    );
    props.dataKey.grantEncryptDecrypt(this.heads.fn);
    this.heads.fn.addEventSource(
      eventStreamSource(props.events, props.streamFailures, {
        batchSize: 100,
        filters: [
          lambda.FilterCriteria.filter({
            eventName: lambda.FilterRule.or('INSERT', 'MODIFY'),
            dynamodb: {
              Keys: { version: { N: lambda.FilterRule.isEqual('0') } },
              NewImage: { kind: { S: lambda.FilterRule.isEqual('head') } },
            },
          }),
        ],
      }),
    );

    // After close of office (plus half an hour) on the agency's working weekdays, in its zone.
    const [hour, minute] = props.calendar.officeHours.closes.split(':').map(Number) as [number, number];
    const at = (hour * 60 + minute + 30) % (24 * 60);
    this.schedule = new scheduler.Schedule(this, 'AfterCloseOfOffice', {
      description:
        'Anchor each working day after close of office (incremental: the last anchor plus the heads changed since)',
      schedule: scheduler.ScheduleExpression.cron({
        minute: String(at % 60),
        hour: String(Math.floor(at / 60)),
        weekDay: [...props.calendar.workingWeekdays]
          .sort()
          .map((d) => CRON_DAYS[d - 1])
          .join(','),
        timeZone: { timezoneName: props.calendar.timeZone } as never,
      }),
      target: new targets.LambdaInvoke(this.anchor.fn, {}),
    });
  }

  /**
   * Read access for the API (GET /anchors, proofs, verify): the anchors and the public key published beside
   * them; nothing on the signing key.
   */
  grantRead(fn: DeskFunction): void {
    fn.allow(['s3:GetObject'], [this.bucket.arnForObjects('anchors/*')]);
    fn.fn.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['s3:ListBucket'],
        resources: [this.bucket.bucketArn],
        conditions: { StringLike: { 's3:prefix': ['anchors/*'] } },
      }),
    );
    fn.fn.addEnvironment('ANCHOR_BUCKET', this.bucket.bucketName);
  }
}
