import { Annotations, CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { eventStreamSource } from './constructs/event-stream-source.js';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as targets from 'aws-cdk-lib/aws-scheduler-targets';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as ses from 'aws-cdk-lib/aws-ses';
import * as sesActions from 'aws-cdk-lib/aws-ses-actions';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import type { AgencyConfig } from '../domain/agency/config.js';
import { Roles } from './roles.js';
import { Data } from './constructs/data.js';
import { DeskFunction } from './constructs/functions.js';
import { DirectorySync } from './constructs/directory-sync.js';
import { Messaging } from './constructs/messaging.js';
import { Anchors } from './constructs/anchors.js';
import { StaffConsole } from './constructs/console.js';
import { AlarmTopic } from './constructs/alarm-topic.js';
import { PUBLIC_ROUTES, routeKey, THROTTLES } from './public-routes.js';
import { OBJECT_PREFIXES } from './object-prefixes.js';

export interface RequestDeskStackProps extends StackProps {
  readonly agency: AgencyConfig;
  /** Where alarms are mailed: ICT services. Default: the agency's archive address (ICT services keep it). */
  readonly alarmEmail?: string;
  /** The CloudFront web ACL (infra/edge-waf-stack.ts, in us-east-1), by a cross-region reference. */
  readonly webAclArn?: string;
  /**
   * The API's own domain (e.g. `api.desk.necs.example`) and its ACM certificate in the stack's region.
   * With it the `execute-api` endpoint is disabled and CloudFront reaches the API by that name, so nobody
   * can go around CloudFront and its WAF; an HTTP API can disable its default endpoint only when it has a
   * custom domain. The agency points the name at the `ApiDomainTarget` output (a CNAME).
   */
  readonly apiDomain?: { readonly domainName: string; readonly certificateArn: string };
}

/** Functions fed by batches (a stream or a queue): a failed record is reported back, not thrown, so it gets its own alarm. */
const BATCH_CONSUMERS = [
  'projector',
  'mail-dispatcher',
  'directory-sync',
  'anchor-heads',
  'mailer',
  'notifier',
  'intake',
  'ses-events',
];
/** Functions reading the events stream: they also alarm when they fall behind it. */
const STREAM_CONSUMERS = ['projector', 'mail-dispatcher', 'directory-sync', 'anchor-heads'];

/** Actions on the events table: read and conditional put. Never update, delete or batch-write: append-only by IAM. */
export const EVENT_WRITE_ACTIONS = [
  'dynamodb:PutItem',
  'dynamodb:ConditionCheckItem',
  'dynamodb:GetItem',
  'dynamodb:Query',
];
/** Unconfirmed portal submissions in the read-model table (adapters/dynamodb/portal-submissions.ts). */
export const PORTAL_SUBMISSIONS = 'portal-submission#*';
/** The read-model partitions the portal writes: its submissions and its limits' counters. */
export const PORTAL_PARTITIONS = [PORTAL_SUBMISSIONS, 'portal-limit#*'];
export const EVENT_READ_ACTIONS = ['dynamodb:GetItem', 'dynamodb:Query'];

/** One agency's Request Desk: the data, the queues, the functions, mail in and out, the API, schedules, alarms. */
export class RequestDeskStack extends Stack {
  readonly functions: Record<string, DeskFunction> = {};

  constructor(scope: Construct, id: string, props: RequestDeskStackProps) {
    super(scope, id, props);
    const { agency } = props;
    const data = new Data(this, 'Data');
    const messaging = new Messaging(this, 'Messaging');
    const replySecret = new secretsmanager.Secret(this, 'ReplyTokenSecret', {
      description: 'Key of the HMAC in per-request reply addresses (requests+<REF>-<token>@…)',
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
      encryptionKey: data.key,
    });
    // Meta's webhook and Send API: the verify token is generated here; an operator enters the app secret and
    // the page access token from the Meta app (docs/social-messages.md). Read by the API and the mailer only.
    const metaSecret = new secretsmanager.Secret(this, 'MetaMessengerSecret', {
      description: 'Meta app: appSecret (signs the webhook), verifyToken (the handshake), pageAccessToken (Send API)',
      generateSecretString: {
        secretStringTemplate: JSON.stringify({ appSecret: '', pageAccessToken: '' }),
        generateStringKey: 'verifyToken',
        passwordLength: 40,
        excludePunctuation: true,
      },
      encryptionKey: data.key,
    });
    const identityArn = `arn:${this.partition}:ses:${this.region}:${this.account}:identity/${agency.agency.domain}`;

    // Mail out: the configuration set's delivery, bounce and complaint events reach the ses-events queue.
    const sesTopic = new sns.Topic(this, 'SesEvents', { masterKey: data.key, enforceSSL: true });
    sesTopic.addSubscription(
      new subscriptions.SqsSubscription(messaging.sesEvents.queue, { rawMessageDelivery: true }),
    );
    data.key.grantEncryptDecrypt(new iam.ServicePrincipal('sns.amazonaws.com'));
    const configurationSet = new ses.ConfigurationSet(this, 'ConfigurationSet', {
      reputationMetrics: true,
      sendingEnabled: true,
    });
    configurationSet.addEventDestination('ToSns', {
      destination: ses.EventDestination.snsTopic(sesTopic),
      events: [ses.EmailSendingEvent.DELIVERY, ses.EmailSendingEvent.BOUNCE, ses.EmailSendingEvent.COMPLAINT],
    });

    const shared = {
      EVENTS_TABLE: data.events.tableName,
      READ_MODEL_TABLE: data.readModels.tableName,
      OBJECT_BUCKET: data.bucket.bucketName,
    };
    const fn = (
      id: string,
      name: string,
      description: string,
      extra: Partial<ConstructorParameters<typeof DeskFunction>[2]> = {},
    ) => (this.functions[name] = new DeskFunction(this, id, { name, description, ...extra }, shared));

    // The portal's tracking tokens are keyed with the reply secret; its confirmation mail goes on the mail
    // queue, and the mailer sends it (the API sends no mail itself).
    const api = fn('Api', 'api', 'HTTP API', {
      environment: {
        ALERTS_QUEUE_URL: messaging.alerts.queue.queueUrl,
        MAIL_QUEUE_URL: messaging.mail.queue.queueUrl,
        REPLY_SECRET_ARN: replySecret.secretArn,
        META_SECRET_ARN: metaSecret.secretArn,
      },
    });
    const projector = fn('Projector', 'projector', 'Read models from the events stream');
    const dispatcher = fn('MailDispatcher', 'mail-dispatcher', 'Outbox: mail jobs from the events stream', {
      environment: { MAIL_QUEUE_URL: messaging.mail.queue.queueUrl },
    });
    const mailer = fn('Mailer', 'mailer', 'Sends official mail through SES, and private answers through Meta', {
      environment: {
        REPLY_SECRET_ARN: replySecret.secretArn,
        META_SECRET_ARN: metaSecret.secretArn,
        SES_CONFIGURATION_SET: configurationSet.configurationSetName,
      },
    });
    const sesEvents = fn('SesEventsHandler', 'ses-events', 'Delivery, bounce and complaint events');
    const intake = fn('Intake', 'intake', 'Email intake', {
      memoryMb: 1024,
      timeout: Duration.seconds(120),
      environment: { REPLY_SECRET_ARN: replySecret.secretArn },
    });
    const scan = fn('SlaScan', 'sla-scan', 'Breach scan', {
      timeout: Duration.minutes(5),
      environment: { ALERTS_QUEUE_URL: messaging.alerts.queue.queueUrl },
    });
    const notifier = fn('Notifier', 'notifier', 'Alert digests to division chiefs', {
      environment: { SES_CONFIGURATION_SET: configurationSet.configurationSetName },
    });
    const monthly = fn('MonthlyReport', 'monthly-report', 'Monthly report to the head of agency', {
      environment: { SES_CONFIGURATION_SET: configurationSet.configurationSetName },
    });

    // Least privilege, spelled out: who reads and who appends; nobody updates or deletes an event.
    const eventsArn = data.events.tableArn;
    const readArns = [data.readModels.tableArn, `${data.readModels.tableArn}/index/*`];
    for (const f of [api, mailer, sesEvents, intake, scan, notifier, monthly])
      f.allow(EVENT_WRITE_ACTIONS, [eventsArn]);
    for (const f of [projector, dispatcher]) f.allow(EVENT_READ_ACTIONS, [eventsArn]);
    projector.allow(['dynamodb:PutItem', 'dynamodb:ConditionCheckItem'], [data.readModels.tableArn]);
    for (const f of [api, intake, scan, monthly]) f.allow(['dynamodb:GetItem', 'dynamodb:Query'], readArns);
    // Idempotency-Key replies (functions/api/idempotency.ts): only the API, only in the `idempotency#api` partition.
    api.fn.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem'],
        resources: [data.readModels.tableArn],
        conditions: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['idempotency#api'] } },
      }),
    );
    // The portal (adapters/dynamodb/portal-submissions.ts): unconfirmed submissions and the daily limits' counters, only those partitions.
    api.fn.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['dynamodb:PutItem', 'dynamodb:UpdateItem'],
        resources: [data.readModels.tableArn],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': PORTAL_PARTITIONS } },
      }),
    );
    // The mailer reads an unconfirmed portal submission to send its confirmation link: only that partition.
    mailer.fn.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['dynamodb:GetItem'],
        resources: [data.readModels.tableArn],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [PORTAL_SUBMISSIONS] } },
      }),
    );
    for (const f of [api, projector, dispatcher, mailer, sesEvents, intake, scan, notifier, monthly])
      data.key.grantEncryptDecrypt(f.fn);
    for (const f of [api, dispatcher, mailer, sesEvents, intake, scan, notifier])
      messaging.key.grantEncryptDecrypt(f.fn);
    messaging.key.grantEncryptDecrypt(new iam.ServicePrincipal('sns.amazonaws.com'));
    const objects = (prefixes: string[]) => prefixes.map((p) => data.bucket.arnForObjects(`${p}/*`));
    api.allow(['s3:PutObject', 's3:GetObject'], objects([...OBJECT_PREFIXES.api.readWrite]));
    intake.allow(['s3:GetObject'], objects([...OBJECT_PREFIXES.intake.read]));
    intake.allow(['s3:PutObject', 's3:GetObject'], objects([...OBJECT_PREFIXES.intake.readWrite]));
    mailer.allow(['s3:GetObject'], objects([...OBJECT_PREFIXES.mailer.read]));
    for (const f of [api, mailer, intake]) replySecret.grantRead(f.fn);
    for (const f of [api, mailer]) metaSecret.grantRead(f.fn);
    for (const f of [mailer, notifier, monthly])
      f.allow(
        ['ses:SendEmail', 'ses:SendRawEmail'],
        [
          identityArn,
          `arn:${this.partition}:ses:${this.region}:${this.account}:configuration-set/${configurationSet.configurationSetName}`,
        ],
      );
    for (const f of [dispatcher, api]) messaging.mail.queue.grantSendMessages(f.fn);
    for (const f of [api, scan]) messaging.alerts.queue.grantSendMessages(f.fn);

    // Event sources: the stream (records are triggers; failures bisected, retried, then set aside) and the queues.
    const streamSource = () =>
      eventStreamSource(data.events, messaging.streamFailures, {
        batchSize: 100,
        filters: [lambda.FilterCriteria.filter({ eventName: lambda.FilterRule.isEqual('INSERT') })],
      });
    projector.fn.addEventSource(streamSource());
    dispatcher.fn.addEventSource(streamSource());
    mailer.fn.addEventSource(
      new SqsEventSource(messaging.mail.queue, { batchSize: 10, reportBatchItemFailures: true }),
    );
    notifier.fn.addEventSource(
      new SqsEventSource(messaging.alerts.queue, { batchSize: 10, reportBatchItemFailures: true }),
    );
    intake.fn.addEventSource(
      new SqsEventSource(messaging.inbound.queue, { batchSize: 5, reportBatchItemFailures: true }),
    );
    sesEvents.fn.addEventSource(
      new SqsEventSource(messaging.sesEvents.queue, { batchSize: 10, reportBatchItemFailures: true }),
    );

    // Mail in: SES stores the raw message under raw/ and publishes its receipt (with SES's own spam, virus
    // and DMARC verdicts) to a topic the intake queue subscribes to: intake trusts those, not the headers.
    const inboundTopic = new sns.Topic(this, 'InboundMail', { masterKey: data.key, enforceSSL: true });
    inboundTopic.addSubscription(
      new subscriptions.SqsSubscription(messaging.inbound.queue, { rawMessageDelivery: true }),
    );
    inboundTopic.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [new iam.ServicePrincipal('ses.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [inboundTopic.topicArn],
        conditions: { StringEquals: { 'aws:SourceAccount': this.account } },
      }),
    );
    data.key.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [new iam.ServicePrincipal('ses.amazonaws.com'), new iam.ServicePrincipal('s3.amazonaws.com')],
        actions: ['kms:GenerateDataKey*', 'kms:Encrypt', 'kms:Decrypt'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': this.account } },
      }),
    );
    new ses.ReceiptRuleSet(this, 'Inbound', {
      rules: [
        {
          recipients: [agency.agency.intakeAddress],
          scanEnabled: true,
          tlsPolicy: ses.TlsPolicy.REQUIRE,
          actions: [new sesActions.S3({ bucket: data.bucket, objectKeyPrefix: 'raw/', topic: inboundTopic })],
        },
      ],
    });

    // The API: Cognito users, groups as roles, the division as a custom attribute.
    const users = new cognito.UserPool(this, 'Users', {
      selfSignUpEnabled: false,
      signInAliases: { email: true, username: true },
      passwordPolicy: {
        minLength: 12,
        requireDigits: true,
        requireLowercase: true,
        requireUppercase: true,
        requireSymbols: true,
      },
      mfa: cognito.Mfa.REQUIRED,
      mfaSecondFactor: { sms: false, otp: true },
      featurePlan: cognito.FeaturePlan.PLUS,
      standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
      customAttributes: { division: new cognito.StringAttribute({ mutable: true, maxLen: 32 }) },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const role of Roles)
      new cognito.CfnUserPoolGroup(this, `Group-${role}`, {
        userPoolId: users.userPoolId,
        groupName: role,
        description: `Request Desk role ${role}`,
      });
    // Explicit attribute permissions: without them every mutable attribute is writable through the client,
    // and a user could set their own custom:division and act for another division. The division (and the
    // email and name the directory keeps) change only through admin calls; users may set their preferences.
    const client = users.addClient('Web', {
      authFlows: { userSrp: true },
      preventUserExistenceErrors: true,
      idTokenValidity: Duration.hours(1),
      readAttributes: new cognito.ClientAttributes()
        .withStandardAttributes({ email: true, emailVerified: true, fullname: true, locale: true, timezone: true })
        .withCustomAttributes('division'),
      writeAttributes: new cognito.ClientAttributes().withStandardAttributes({ locale: true, timezone: true }),
    });
    api.fn.addEnvironment('USER_POOL_ID', users.userPoolId);
    // Cognito follows the directory (people, roles, leave as events): the only function that administers the pool.
    new DirectorySync(this, 'DirectorySync', {
      fn: fn('DirectorySyncFn', 'directory-sync', 'Cognito users follow the directory events'),
      userPool: users,
      events: data.events,
      dataKey: data.key,
      streamFailures: messaging.streamFailures,
    });
    api.fn.addEnvironment('USER_POOL_CLIENT_ID', client.userPoolClientId);
    const accessLogs = new logs.LogGroup(this, 'ApiAccessLogs', { retention: logs.RetentionDays.ONE_YEAR });
    const apiIntegration = new HttpLambdaIntegration('ApiIntegration', api.fn);
    const apiDomain = props.apiDomain
      ? new apigw.DomainName(this, 'ApiDomain', {
          domainName: props.apiDomain.domainName,
          certificate: acm.Certificate.fromCertificateArn(this, 'ApiCertificate', props.apiDomain.certificateArn),
        })
      : undefined;
    if (!apiDomain)
      Annotations.of(this).addWarningV2(
        'request-desk:execute-api-open',
        'No apiDomain: the execute-api endpoint stays enabled (an HTTP API can disable it only behind a custom domain), so the API can be reached around CloudFront and its WAF. Staff routes still need a Cognito token and public routes keep their API Gateway throttles. See docs/aws.md.',
      );
    const http = new apigw.HttpApi(this, 'Http', {
      description: `Request Desk — ${agency.agency.name}`,
      ...(apiDomain ? { disableExecuteApiEndpoint: true, defaultDomainMapping: { domainName: apiDomain } } : {}),
      // Every path not routed below (all staff routes) takes the `$default` route, behind Cognito.
      defaultAuthorizer: new HttpUserPoolAuthorizer('Cognito', users, { userPoolClients: [client] }),
      defaultIntegration: apiIntegration,
    });
    // Public routes (infra/public-routes.ts) pass without the authorizer, each throttled on its own.
    const publicRoutes = PUBLIC_ROUTES.flatMap((r) =>
      http.addRoutes({
        path: r.path,
        methods: [r.method as apigw.HttpMethod],
        integration: apiIntegration,
        authorizer: new apigw.HttpNoneAuthorizer(),
      }),
    );
    const stage = http.defaultStage?.node.defaultChild as apigw.CfnStage;
    stage.accessLogSettings = {
      destinationArn: accessLogs.logGroupArn,
      format: JSON.stringify({
        requestId: '$context.requestId',
        route: '$context.routeKey',
        status: '$context.status',
        latency: '$context.responseLatency',
      }),
    };
    stage.defaultRouteSettings = {
      throttlingBurstLimit: THROTTLES.staff.burstLimit,
      throttlingRateLimit: THROTTLES.staff.rateLimit,
    };
    // RouteSettings is untyped JSON in CloudFormation's schema: CDK passes it as written, so its keys are CloudFormation's.
    stage.routeSettings = Object.fromEntries(
      PUBLIC_ROUTES.map((r) => [
        routeKey(r),
        { ThrottlingBurstLimit: THROTTLES[r.tier].burstLimit, ThrottlingRateLimit: THROTTLES[r.tier].rateLimit },
      ]),
    );
    // A route's settings can only be set once the route exists.
    for (const route of publicRoutes) http.defaultStage?.node.addDependency(route);

    // Schedules in the agency's time zone: the scan each office hour on working days (the first one of
    // the day sends the digests), which the scan itself skips on holidays.
    const timeZone = { timezoneName: agency.calendar.timeZone } as never;
    new scheduler.Schedule(this, 'ScanEachOfficeHour', {
      description: 'Breach scan, hourly in office hours on weekdays',
      schedule: scheduler.ScheduleExpression.cron({ minute: '0', hour: '9-16', weekDay: 'MON-FRI', timeZone }),
      target: new targets.LambdaInvoke(scan.fn, {}),
    });

    new scheduler.Schedule(this, 'MonthlyReportCheck', {
      description:
        'Monthly report to the head of agency (first working day) and the website review pack (its yearly date): checked each weekday morning',
      schedule: scheduler.ScheduleExpression.cron({ minute: '5', hour: '9', weekDay: 'MON-FRI', timeZone }),
      target: new targets.LambdaInvoke(monthly.fn, {}),
    });

    // Anchors: the locked bucket, the signing key, the anchoring function and its schedule, the heads consumer.
    const anchors = new Anchors(this, 'Anchors', {
      events: data.events,
      readModels: data.readModels,
      dataKey: data.key,
      accessLogs: data.accessLogs,
      streamFailures: messaging.streamFailures,
      calendar: agency.calendar,
      makeFunction: (id, spec) => (this.functions[spec.name] = new DeskFunction(this, id, spec, shared)),
    });
    messaging.key.grantEncryptDecrypt(anchors.heads.fn);
    anchors.grantRead(api);

    // Every alarm mails ICT services: the functions', the queues' and dead-letter queues', these.
    for (const name of BATCH_CONSUMERS) this.functions[name]?.alarmOnRecordFailures();
    for (const name of STREAM_CONSUMERS) this.functions[name]?.alarmOnStreamLag();
    const alarmTopic = new AlarmTopic(this, 'Alarms', {
      email: props.alarmEmail ?? agency.agency.archiveAddress,
      key: messaging.key,
    });
    alarmTopic.notifyFromEveryAlarmIn(this);

    const dashboard = new cloudwatch.Dashboard(this, 'Dashboard', {
      dashboardName: `request-desk-${agency.agency.id}`,
    });
    dashboard.addWidgets(
      new cloudwatch.GraphWidget({
        title: 'Errors',
        left: Object.values(this.functions).map((f) => f.fn.metricErrors()),
      }),
      new cloudwatch.GraphWidget({
        title: 'Throttles',
        left: Object.values(this.functions).map((f) => f.fn.metricThrottles()),
      }),
      new cloudwatch.GraphWidget({
        title: 'Dead-letter queues',
        left: [messaging.mail, messaging.alerts, messaging.inbound, messaging.sesEvents].map((q) =>
          q.deadLetter.metricApproximateNumberOfMessagesVisible(),
        ),
      }),
    );

    const staffConsole = new StaffConsole(this, 'Console', {
      agency,
      http,
      users,
      client,
      ...(apiDomain ? { apiOriginDomain: apiDomain.name } : {}),
      ...(props.webAclArn ? { webAclArn: props.webAclArn } : {}),
    });
    // Addresses people open, mailed by the API (portal confirmations) and the mailer (acknowledgments' tracking
    // links, staff notices' console links) and linked in the notifier's digests: all through CloudFront.
    for (const f of [api, mailer]) f.fn.addEnvironment('PORTAL_URL', `${staffConsole.url}/portal`);
    for (const f of [mailer, notifier]) f.fn.addEnvironment('APP_URL', `${staffConsole.url}/console`);
    if (apiDomain)
      new CfnOutput(this, 'ApiDomainTarget', {
        value: apiDomain.regionalDomainName,
        description: `CNAME ${props.apiDomain?.domainName} to this name`,
      });
    new CfnOutput(this, 'ConsoleUrl', { value: `${staffConsole.url}/console/` });
    new CfnOutput(this, 'ApiUrl', { value: apiDomain ? `https://${apiDomain.name}` : http.apiEndpoint });
    new CfnOutput(this, 'UserPoolId', { value: users.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: client.userPoolClientId });
    new CfnOutput(this, 'EventsTable', { value: data.events.tableName });
    new CfnOutput(this, 'ReadModelTable', { value: data.readModels.tableName });
    new CfnOutput(this, 'MailBucket', { value: data.bucket.bucketName });
    new CfnOutput(this, 'AnchorBucket', { value: anchors.bucket.bucketName });
    new CfnOutput(this, 'AnchorKeyId', { value: anchors.signingKey.keyArn });
    new CfnOutput(this, 'AlarmTopicArn', { value: alarmTopic.topic.topicArn });
  }
}
