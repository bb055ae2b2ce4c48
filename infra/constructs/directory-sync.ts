import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { eventStreamSource } from './event-stream-source.js';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { DeskFunction } from './functions.js';

/** What the Cognito side of the directory needs. */
export interface DirectorySyncProps {
  /** The `directory-sync` function. */
  readonly fn: DeskFunction;
  readonly userPool: cognito.IUserPool;
  readonly events: dynamodb.ITableV2;
  readonly dataKey: kms.IKey;
  readonly streamFailures: sqs.IQueue;
}

/** The Cognito admin actions the sync uses. No other function is granted any `cognito-idp:Admin*`. */
export const USER_POOL_ADMIN_ACTIONS = [
  'cognito-idp:AdminGetUser',
  'cognito-idp:AdminListGroupsForUser',
  'cognito-idp:AdminCreateUser',
  'cognito-idp:AdminUpdateUserAttributes',
  'cognito-idp:AdminAddUserToGroup',
  'cognito-idp:AdminRemoveUserFromGroup',
  'cognito-idp:AdminEnableUser',
  'cognito-idp:AdminDisableUser',
  'cognito-idp:AdminUserGlobalSignOut',
];

/**
 * Cognito follows the directory: the `directory-sync` function reads new `directory#…` events off the
 * events stream (filtered at the source, so it is not invoked for requests) and is the only principal
 * allowed to administer the user pool. It reads the events table and never writes it.
 */
export class DirectorySync extends Construct {
  constructor(scope: Construct, id: string, props: DirectorySyncProps) {
    super(scope, id);
    const { fn } = props;
    fn.fn.addEnvironment('USER_POOL_ID', props.userPool.userPoolId);
    fn.allow(['dynamodb:GetItem', 'dynamodb:Query'], [props.events.tableArn]);
    props.dataKey.grantDecrypt(fn.fn);
    fn.allow(USER_POOL_ADMIN_ACTIONS, [props.userPool.userPoolArn]);
    fn.fn.addEventSource(
      eventStreamSource(props.events, props.streamFailures, {
        batchSize: 25,
        filters: [
          lambda.FilterCriteria.filter({
            eventName: lambda.FilterRule.isEqual('INSERT'),
            dynamodb: { NewImage: { streamId: { S: lambda.FilterRule.beginsWith('directory#') } } },
          }),
        ],
      }),
    );
  }
}
