import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { eventsTable, readModelTable, type KeyDef, type TableDef } from '../../adapters/dynamodb/table-defs.js';

const attr = (k: KeyDef): dynamodb.Attribute => ({
  name: k.name,
  type: k.type === 'S' ? dynamodb.AttributeType.STRING : dynamodb.AttributeType.NUMBER,
});

/** A DynamoDB table from the shared definition (the same one tests and the local stack create). */
const tableFrom = (scope: Construct, def: TableDef, key: kms.IKey): dynamodb.TableV2 =>
  new dynamodb.TableV2(scope, def.id, {
    partitionKey: attr(def.partitionKey),
    sortKey: attr(def.sortKey),
    billing: dynamodb.Billing.onDemand(),
    encryption: dynamodb.TableEncryptionV2.customerManagedKey(key),
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    deletionProtection: true,
    removalPolicy: RemovalPolicy.RETAIN,
    ...(def.timeToLiveAttribute ? { timeToLiveAttribute: def.timeToLiveAttribute } : {}),
    ...(def.stream ? { dynamoStream: dynamodb.StreamViewType.NEW_IMAGE } : {}),
    globalSecondaryIndexes: def.indexes.map((i) => ({
      indexName: i.indexName,
      partitionKey: attr(i.partitionKey),
      sortKey: attr(i.sortKey),
    })),
  });

/** The record: the events table, the read models, and the bucket of raw mail and attachments. */
export class Data extends Construct {
  readonly key: kms.Key;
  readonly events: dynamodb.TableV2;
  readonly readModels: dynamodb.TableV2;
  readonly bucket: s3.Bucket;
  readonly accessLogs: s3.Bucket;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.key = new kms.Key(this, 'Key', {
      enableKeyRotation: true,
      description: 'Request Desk: events, read models, mail and queues',
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.events = tableFrom(this, eventsTable, this.key);
    this.readModels = tableFrom(this, readModelTable, this.key);
    const accessLogs = (this.accessLogs = new s3.Bucket(this, 'AccessLogs', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(400) }],
      removalPolicy: RemovalPolicy.RETAIN,
    }));
    this.bucket = new s3.Bucket(this, 'Mail', {
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: this.key,
      bucketKeyEnabled: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      versioned: true,
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'mail/',
      // Raw mail and attachments are the archive's evidence: kept, moved to cheaper storage as they age.
      lifecycleRules: [
        {
          id: 'archive-raw-mail',
          prefix: 'raw/',
          transitions: [
            { storageClass: s3.StorageClass.INFREQUENT_ACCESS, transitionAfter: Duration.days(90) },
            { storageClass: s3.StorageClass.GLACIER_INSTANT_RETRIEVAL, transitionAfter: Duration.days(365) },
          ],
        },
        { id: 'expire-old-versions', noncurrentVersionExpiration: Duration.days(90) },
        { id: 'abort-uploads', abortIncompleteMultipartUploadAfter: Duration.days(7) },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}
