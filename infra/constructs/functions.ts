import { AssetHashType, DockerImage, Duration, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { fileURLToPath } from 'node:url';
import { bundleFunction } from '../bundle.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Every function's runtime: the newest Node.js Lambda offers (the bundle targets it: infra/bundle.ts). */
export const DESK_RUNTIME = lambda.Runtime.NODEJS_24_X;

export interface FunctionSpec {
  /** Folder under functions/ with handler.ts. */
  readonly name: string;
  readonly memoryMb?: number;
  readonly timeout?: Duration;
  readonly environment?: Record<string, string>;
  readonly description: string;
}

/**
 * One Lambda function of the system: Node 24 on ARM64, bundled by infra/bundle.ts (esbuild, locally, no
 * Docker), minified and split with its SDK clients inside, source maps beside it for offline decoding,
 * the agency configuration copied next to it, a log group with a retention, alarms on errors and throttles.
 */
export class DeskFunction extends Construct {
  readonly fn: lambda.Function;
  readonly alarms: cloudwatch.Alarm[];
  readonly logGroup: logs.LogGroup;
  private readonly name: string;

  constructor(scope: Construct, id: string, spec: FunctionSpec, shared: Record<string, string>) {
    super(scope, id);
    this.name = spec.name;
    const logGroup = (this.logGroup = new logs.LogGroup(this, 'Logs', { retention: logs.RetentionDays.ONE_YEAR }));
    this.fn = new lambda.Function(this, 'Function', {
      // Built by our own bundling step (infra/bundle.ts), the one the bench measures. Synth runs it
      // locally (no Docker); stacks excluded from bundling (`aws:cdk:bundling-stacks`) skip it.
      code: lambda.Code.fromAsset(`${ROOT}/functions/${spec.name}`, {
        assetHashType: AssetHashType.OUTPUT,
        bundling: {
          image: DockerImage.fromRegistry('public.ecr.aws/docker/library/node:24'),
          local: { tryBundle: (outputDir: string) => (bundleFunction(spec.name, outputDir), true) },
        },
      }),
      handler: 'index.handler',
      description: spec.description,
      runtime: DESK_RUNTIME,
      architecture: lambda.Architecture.ARM_64,
      memorySize: spec.memoryMb ?? 512,
      timeout: spec.timeout ?? Duration.seconds(30),
      logGroup,
      // No --enable-source-maps: it costs 5-30 ms per cold start; the .map files ship beside the code for
      // decoding a stack trace offline (node:module's SourceMap findEntry(line, column) on the .map file).
      environment: { ...shared, ...spec.environment, POWERTOOLS_SERVICE_NAME: spec.name, POWERTOOLS_LOG_LEVEL: 'INFO' },
    });
    this.alarms = [
      new cloudwatch.Alarm(this, 'Errors', {
        alarmDescription: `${spec.name}: invocations failing`,
        metric: this.fn.metricErrors({ period: Duration.minutes(5) }),
        threshold: 1,
        evaluationPeriods: 1,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      }),
      new cloudwatch.Alarm(this, 'Throttles', {
        alarmDescription: `${spec.name}: invocations throttled`,
        metric: this.fn.metricThrottles({ period: Duration.minutes(5) }),
        threshold: 1,
        evaluationPeriods: 1,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      }),
    ];
  }

  /**
   * An alarm on records that failed (functions/shared/logged.ts logs each as `record failed` at ERROR).
   * A batch consumer reports failed records back instead of failing the invocation, so its Errors metric
   * stays at zero while records fail and are retried: this is what makes a failing projection visible at once.
   */
  alarmOnRecordFailures(): cloudwatch.Alarm {
    const filter = new logs.MetricFilter(this, 'RecordFailures', {
      logGroup: this.logGroup,
      filterPattern: logs.FilterPattern.all(
        logs.FilterPattern.stringValue('$.level', '=', 'ERROR'),
        logs.FilterPattern.stringValue('$.message', '=', 'record failed'),
      ),
      metricNamespace: 'RequestDesk',
      metricName: `${this.name}-record-failures`,
      metricValue: '1',
      defaultValue: 0,
    });
    const alarm = new cloudwatch.Alarm(this, 'RecordFailuresAlarm', {
      alarmDescription: `${this.name}: records failed (they are retried, then set aside in a dead-letter queue)`,
      metric: filter.metric({ period: Duration.minutes(5), statistic: 'Sum' }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    this.alarms.push(alarm);
    return alarm;
  }

  /** An alarm when a stream consumer falls behind: its oldest record read is over 15 minutes old. */
  alarmOnStreamLag(): cloudwatch.Alarm {
    const alarm = new cloudwatch.Alarm(this, 'StreamLag', {
      alarmDescription: `${this.name}: behind the events stream by over 15 minutes`,
      metric: this.fn.metric('IteratorAge', { period: Duration.minutes(5), statistic: 'Maximum' }),
      threshold: 15 * 60 * 1000,
      evaluationPeriods: 2,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    this.alarms.push(alarm);
    return alarm;
  }

  /** Grants exactly these actions on these resources. */
  allow(actions: string[], resources: string[]): void {
    this.fn.addToRolePolicy(new iam.PolicyStatement({ actions, resources }));
  }

  get region(): string {
    return Stack.of(this).region;
  }
}
