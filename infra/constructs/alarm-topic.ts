import { Aspects, type IAspect } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cloudwatchActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct, type IConstruct } from 'constructs';

export interface AlarmTopicProps {
  /** Who is mailed when an alarm fires: ICT services (the agency's archive/ICT address unless told otherwise). */
  readonly email: string;
  /**
   * The customer-managed key the topic is encrypted with. CloudWatch can publish to an encrypted topic
   * only under a customer-managed key whose policy lets cloudwatch.amazonaws.com use it (the AWS-managed
   * `aws/sns` key refuses it), so the key is granted to CloudWatch here.
   */
  readonly key: kms.IKey;
}

/**
 * The topic every alarm of the stack notifies: an alarm that nobody hears is no alarm. An aspect gives
 * each `cloudwatch.Alarm` in the scope (those of the functions, queues and dead-letter queues, and any
 * added later) this topic as its alarm action and its OK action, so ICT services are told when something
 * fails and when it recovers.
 */
export class AlarmTopic extends Construct {
  readonly topic: sns.Topic;

  constructor(scope: Construct, id: string, props: AlarmTopicProps) {
    super(scope, id);
    this.topic = new sns.Topic(this, 'Topic', {
      displayName: 'Request Desk alarms',
      masterKey: props.key,
      enforceSSL: true,
    });
    this.topic.addSubscription(new subscriptions.EmailSubscription(props.email));
    props.key.grant(new iam.ServicePrincipal('cloudwatch.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');
  }

  /** Makes every alarm under `scope` (now or added later, until synth) notify this topic. */
  notifyFromEveryAlarmIn(scope: IConstruct): void {
    const action = new cloudwatchActions.SnsAction(this.topic);
    // Aspects may visit a node more than once: each alarm gets the action once.
    const wired = new WeakSet<cloudwatch.Alarm>();
    const aspect: IAspect = {
      visit: (node) => {
        if (!(node instanceof cloudwatch.Alarm) || wired.has(node)) return;
        wired.add(node);
        node.addAlarmAction(action);
        node.addOkAction(action);
      },
    };
    Aspects.of(scope).add(aspect);
  }
}
