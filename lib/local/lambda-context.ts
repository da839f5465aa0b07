import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';

/** A Lambda context whose clock runs down from `timeoutSeconds`, as the real one does. */
export function lambdaContext(functionName: string, timeoutSeconds: number, now: () => number = Date.now): Context {
  const deadline = now() + timeoutSeconds * 1000;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:us-east-1:000000000000:function:${functionName}`,
    memoryLimitInMB: '256',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}
