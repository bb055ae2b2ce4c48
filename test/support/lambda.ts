import type { Context } from 'aws-lambda';

/** A Lambda context as the runtime passes it, for invoking handlers in-process. */
export const lambdaContext = (functionName = 'test'): Context => ({
  callbackWaitsForEmptyEventLoop: false,
  functionName,
  functionVersion: '$LATEST',
  invokedFunctionArn: `arn:aws:lambda:ap-south-1:000000000000:function:${functionName}`,
  memoryLimitInMB: '256',
  awsRequestId: `req-${Math.random().toString(16).slice(2)}`,
  logGroupName: `/aws/lambda/${functionName}`,
  logStreamName: 'local',
  getRemainingTimeInMillis: () => 30_000,
  done: () => undefined,
  fail: () => undefined,
  succeed: () => undefined,
});
