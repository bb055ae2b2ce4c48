import { Duration, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface FunctionSpec {
  /** Folder under functions/ with handler.ts. */
  readonly name: string;
  readonly memoryMb?: number;
  readonly timeout?: Duration;
  readonly environment?: Record<string, string>;
  readonly description: string;
}

/**
 * One Lambda function of the system: Node 22 on ARM64, bundled locally by esbuild (no Docker), minified
 * with source maps and its SDK clients inside, the agency configuration copied next to it, a log group
 * with a retention, alarms on errors and throttles.
 */
export class DeskFunction extends Construct {
  readonly fn: nodejs.NodejsFunction;
  readonly alarms: cloudwatch.Alarm[];

  constructor(scope: Construct, id: string, spec: FunctionSpec, shared: Record<string, string>) {
    super(scope, id);
    const logGroup = new logs.LogGroup(this, 'Logs', { retention: logs.RetentionDays.ONE_YEAR });
    this.fn = new nodejs.NodejsFunction(this, 'Function', {
      entry: `${ROOT}/functions/${spec.name}/handler.ts`,
      handler: 'handler',
      description: spec.description,
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: spec.memoryMb ?? 512,
      timeout: spec.timeout ?? Duration.seconds(30),
      logGroup,
      projectRoot: ROOT,
      depsLockFilePath: `${ROOT}/package-lock.json`,
      environment: { ...shared, ...spec.environment, POWERTOOLS_SERVICE_NAME: spec.name, POWERTOOLS_LOG_LEVEL: 'INFO', NODE_OPTIONS: '--enable-source-maps' },
      bundling: {
        minify: true,
        sourceMap: true,
        sourcesContent: false,
        format: nodejs.OutputFormat.ESM,
        target: 'node22',
        mainFields: ['module', 'main'],
        externalModules: [],
        forceDockerBundling: false,
        // ESM bundles of CommonJS dependencies still call require().
        banner: "import { createRequire as __cr } from 'module'; const require = __cr(import.meta.url);",
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          // The agency configuration travels with the code (config/load.ts reads it beside the bundle).
          afterBundling: (_input: string, output: string) => [
            `cp -r "${ROOT}/config/necs" "${output}/necs"`,
            `cp -r "${ROOT}/config/holidays" "${output}/holidays"`,
            // GET /docs serves the API reference's script itself (functions/api/routes/docs.ts): no CDN.
            ...(spec.name === 'api' ? [`mkdir -p "${output}/docs"`, `cp "${ROOT}/node_modules/@scalar/api-reference/dist/browser/standalone.js" "${output}/docs/scalar.js"`] : []),
          ],
        },
      },
    });
    this.alarms = [
      new cloudwatch.Alarm(this, 'Errors', { alarmDescription: `${spec.name}: invocations failing`, metric: this.fn.metricErrors({ period: Duration.minutes(5) }), threshold: 1, evaluationPeriods: 1, treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING }),
      new cloudwatch.Alarm(this, 'Throttles', { alarmDescription: `${spec.name}: invocations throttled`, metric: this.fn.metricThrottles({ period: Duration.minutes(5) }), threshold: 1, evaluationPeriods: 1, treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING }),
    ];
  }

  /** Grants exactly these actions on these resources. */
  allow(actions: string[], resources: string[]): void {
    this.fn.addToRolePolicy(new iam.PolicyStatement({ actions, resources }));
  }

  get region(): string {
    return Stack.of(this).region;
  }
}
