import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { LocalStack } from '../../local/stack.js';
import { caller, startTestStack, type Reply } from '../support/stack.js';

let stack: LocalStack;
let api: ReturnType<typeof caller>;
beforeAll(async () => {
  stack = await startTestStack();
  api = caller(stack);
}, 60_000);
afterAll(async () => stack.stop());

const ok = (r: Reply) => {
  if (r.status >= 300) throw new Error(`${r.status} ${JSON.stringify(r.body)}`);
  return r;
};

/** A request Legal may answer: assigned, and the spokesperson's view recorded. */
const readyToAnswer = async (subject: string) => {
  const id = ok(
    await api('POST', '/requests', {
      as: 'ict.officer',
      body: {
        channel: 'web',
        requester: { name: 'Pema', email: 'pema@example.bt', kind: 'public' },
        subject,
        body: 'Please.',
      },
    }),
  ).body.id as string;
  ok(
    await api('POST', `/requests/${id}/assign`, {
      as: 'ict.officer',
      body: { division: 'legal', assignee: 'legal.officer' },
    }),
  );
  ok(
    await api('POST', `/requests/${id}/consultations/requested`, {
      as: 'legal.officer',
      body: { person: 'spokesperson.legal', question: 'May we share it?' },
    }),
  );
  ok(
    await api('POST', `/requests/${id}/consultations`, {
      as: 'spokesperson.legal',
      body: { with: 'spokesperson', person: 'spokesperson.legal', outcome: 'cleared' },
    }),
  );
  return id;
};

// One megabyte of a report, as the console sends it
const attachment = {
  filename: 'air-quality-2025.pdf',
  contentType: 'application/pdf',
  contentBase64: Buffer.alloc(1024 * 1024, '%PDF-1.4 ').toString('base64'),
};
const response = { body: 'The report is attached.', disposition: 'full', attachments: [attachment] };

describe('three identical large submissions at once', () => {
  it('never get a 5xx, without an idempotency key', async () => {
    const id = await readyToAnswer('Air quality 2025');
    // Act: a triple click, without an idempotency key
    const replies = await Promise.all(
      [1, 2, 3].map(() => api('POST', `/requests/${id}/response`, { as: 'legal.officer', body: response })),
    );
    // Assess
    expect(replies.map((r) => r.status).filter((s) => s >= 500)).toEqual([]);
    expect(replies.filter((r) => r.status === 200).length).toBeGreaterThanOrEqual(1);
    expect(replies.every((r) => r.status === 200 || r.status === 409)).toBe(true);
  }, 60_000);

  it('with one Idempotency-Key, act once and never get a 5xx', async () => {
    const id = await readyToAnswer('Water quality 2025');
    const replies = await Promise.all(
      [1, 2, 3].map(() =>
        api('POST', `/requests/${id}/response`, { as: 'legal.officer', body: response, key: `triple-${id}` }),
      ),
    );
    expect(replies.map((r) => r.status).filter((s) => s >= 500)).toEqual([]);
    expect(replies.some((r) => r.status === 200)).toBe(true);
    const { state } = await stack.core.commands.load(id);
    expect((state as unknown as { responses: unknown[] }).responses).toHaveLength(1);
  }, 60_000);
});
