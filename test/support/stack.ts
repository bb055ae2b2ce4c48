import { randomUUID } from 'node:crypto';
import { freePort } from '../../local/dynamodb-local.js';
import { dynamoThreadLookups } from '../../adapters/dynamodb/thread-lookups.js';
import { processInboundMail } from '../../application/intake/process-mail.js';
import { startLocalStack, type LocalStack } from '../../local/stack.js';
import { TEST_START } from './clock.js';
import { openApiValidator } from './openapi-validator.js';

/**
 * The local stack in this process, on free ports, against the run's DynamoDB Local, with fresh tables.
 * Its clock starts at `startAt` (default `TEST_START`), never at the day the suite runs.
 */
export const startTestStack = async (
  options: {
    startAt?: Date;
    /** Keep the stack's files here (objects, clock) — to start it again on the same data, as after a restart. */
    dataDir?: string;
    /** The tables of an earlier test stack, to start again on its data. */
    tableNames?: { events: string; readModels: string };
  } = {},
): Promise<LocalStack> => {
  const endpoint = process.env.DYNAMODB_ENDPOINT;
  if (!endpoint) throw new Error('DYNAMODB_ENDPOINT is not set: the jest global setup starts DynamoDB Local');
  const prefix = `s${randomUUID().slice(0, 8)}`;
  process.env.REPLY_TOKEN_SECRET = 'test-reply-secret';
  return startLocalStack({
    apiPort: await freePort(),
    sesPort: await freePort(),
    sqsPort: await freePort(),
    smtpPort: await freePort(),
    dynamodbEndpoint: endpoint,
    tableNames: options.tableNames ?? { events: `${prefix}-events`, readModels: `${prefix}-read` },
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    background: false,
    logLevel: 'SILENT',
    startAt: options.startAt ?? TEST_START,
  });
};

export interface Reply {
  status: number;
  etag?: string | undefined;
  body: { [key: string]: unknown; error?: { code: string; message: string } };
}

let validator: ReturnType<typeof openApiValidator> | undefined;

/** Calls the running API as a local user; every reply must match the API's OpenAPI document. */
export const caller =
  (stack: LocalStack) =>
  async (
    method: string,
    path: string,
    options: { as?: string; body?: unknown; raw?: string; key?: string; ifMatch?: string } = {},
  ): Promise<Reply> => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (options.as) headers.authorization = `Bearer local:${options.as}`;
    if (options.key) headers['idempotency-key'] = options.key;
    if (options.ifMatch) headers['if-match'] = options.ifMatch;
    const res = await fetch(`${stack.apiUrl}${path}`, {
      method,
      headers,
      ...(options.raw !== undefined
        ? { body: options.raw }
        : options.body !== undefined
          ? { body: JSON.stringify(options.body) }
          : {}),
    });
    const text = await res.text();
    const contentType = res.headers.get('content-type');
    const body =
      text && contentType?.includes('application/json') ? (JSON.parse(text) as Reply['body']) : text ? { text } : {};
    const mismatch = (validator ??= openApiValidator())(method, path, res.status, contentType, body);
    if (mismatch) throw new Error(`the reply does not match the OpenAPI document: ${mismatch}`);
    return { status: res.status, body, etag: res.headers.get('etag') ?? undefined };
  };

export interface SentMail {
  messageId: string;
  from: string;
  replyTo: string[];
  destination: { to: string[]; cc: string[]; bcc: string[] };
  subject: string;
  body: { text?: string; html?: string };
  attachments: { filename?: string; content: string; contentType: string; size: number }[];
}

/** Every mail in the local SES outbox. */
export const outbox = async (stack: LocalStack): Promise<SentMail[]> =>
  ((await (await fetch(`${stack.sesUrl}/store`)).json()) as { emails: SentMail[] }).emails;

/** Intake wired to a test stack, to process raw messages directly (the SMTP path has its own test). */
export const intakeOf = (stack: LocalStack) => {
  const deps = {
    store: stack.core.store,
    commands: stack.core.commands,
    objects: stack.objects,
    agency: stack.agency,
    replySecret: stack.replySecret,
    lookups: dynamoThreadLookups(stack.doc, stack.tableNames.readModels),
    now: stack.clock.now,
  };
  /** Stores a raw message as the transport would and runs intake on it. */
  const deliver = async (
    raw: string | Buffer,
    receivedAt = stack.clock.now().toISOString(),
    storageKey = `raw/test/${randomUUID()}.eml`,
  ) => {
    await stack.objects.put(storageKey, typeof raw === 'string' ? Buffer.from(raw) : raw, 'message/rfc822');
    return processInboundMail(deps, { storageKey, receivedAt });
  };
  return { deps, deliver };
};
