import { awsBase } from './aws-base.js';
import { composeCore } from './compose.js';

export type { AwsEnvironment } from './aws-base.js';

/**
 * Builds the shared services of a deployed function once per container: its environment, the agency,
 * DynamoDB (aws-base.ts) and the core (store, commands, projector). Only DynamoDB: S3, SES and Secrets
 * Manager have their own builders beside this one (aws-objects.ts, aws-mail.ts, aws-reply-secret.ts),
 * imported by the functions that use them, so no function bundles or constructs a client it never calls.
 */
export const awsServices = () => {
  const base = awsBase();
  const core = composeCore({
    doc: base.doc,
    eventsTable: base.env.EVENTS_TABLE,
    readModelTable: base.env.READ_MODEL_TABLE,
    agency: base.agency,
    now: base.now,
  });
  return { ...base, core };
};
