import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import type { LocalStack } from '../../local/stack.js';
import { caller, startTestStack } from '../support/stack.js';

let stack: LocalStack;
let api: ReturnType<typeof caller>;
beforeAll(async () => {
  stack = await startTestStack();
  api = caller(stack);
}, 60_000);
afterAll(async () => stack.stop());

const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

const legalRequest = async () => {
  const id = (
    await api('POST', '/requests', {
      as: 'ict.officer',
      body: {
        channel: 'letter',
        requester: { name: 'Sonam', kind: 'public' },
        subject: 'Forest data',
        body: 'Please.',
      },
    })
  ).body.id as string;
  await api('POST', `/requests/${id}/assign`, { as: 'ict.officer', body: { division: 'legal' } });
  await api('POST', `/requests/${id}/notes`, { as: 'legal.officer', body: { text: 'Looking into it.' } });
  return id;
};

describe('authorization is decided before If-Match', () => {
  it('answers 403, never a 412 carrying the request, to a caller who may not act with a stale version', async () => {
    // Prepare: a request of Legal at version 3; the callers name version 1
    const id = await legalRequest();
    // Act
    const auditor = await api('POST', `/requests/${id}/notes`, { as: 'auditor', body: { text: 'x' }, ifMatch: '"1"' });
    const otherDivision = await api('POST', `/requests/${id}/response`, {
      as: 'ppd.officer',
      body: { body: 'x', disposition: 'full' },
      ifMatch: '"1"',
    });
    const notTheSpokesperson = await api('POST', `/requests/${id}/consultations`, {
      as: 'legal.officer',
      body: { with: 'spokesperson', person: 'spokesperson.legal', outcome: 'cleared' },
      ifMatch: '"1"',
    });
    const allowed = await api('POST', `/requests/${id}/notes`, {
      as: 'legal.officer',
      body: { text: 'x' },
      ifMatch: '"1"',
    });
    // Assess
    for (const refused of [auditor, otherDivision, notTheSpokesperson]) {
      expect(refused.status).toBe(403);
      expect(refused.body.error?.code).toBe('FORBIDDEN');
      expect(JSON.stringify(refused.body)).not.toContain('Forest data');
    }
    expect(allowed.status).toBe(412);
  });
});

describe('nothing is stored for a refused command', () => {
  const attachment = Buffer.alloc(1024 * 1024, 'x');
  const longBody = `Dear Sonam, ${'the figures follow. '.repeat(2_000)}`;
  const response = {
    body: longBody,
    disposition: 'full',
    attachments: [
      { filename: 'figures.pdf', contentType: 'application/pdf', contentBase64: attachment.toString('base64') },
    ],
  };

  it('writes neither the attachment nor the body of an auditor’s refused response', async () => {
    const id = await legalRequest();
    // Act
    const refused = await api('POST', `/requests/${id}/response`, { as: 'auditor', body: response });
    // Assess
    expect(refused.status).toBe(403);
    expect(await stack.objects.get(`attachments/${sha256(attachment)}`)).toBeUndefined();
    expect(await stack.objects.get(`responses/${sha256(longBody)}`)).toBeUndefined();
  });

  it('writes neither for a response the workflow refuses, nor for a refused intake or website update; and does for an allowed one', async () => {
    const id = await legalRequest();
    const bigText = `Long letter ${'words '.repeat(5_000)}end`;
    // Act
    const notConsulted = await api('POST', `/requests/${id}/response`, { as: 'legal.officer', body: response });
    const intake = await api('POST', '/requests', {
      as: 'auditor',
      body: { channel: 'letter', requester: { name: 'Sonam', kind: 'public' }, subject: 'x', body: bigText },
    });
    const website = await api('POST', '/website-updates', {
      as: 'auditor',
      body: { kind: 'news', title: 'x', body: `${bigText} web` },
    });
    const clarification = await api('POST', `/requests/${id}/clarification`, {
      as: 'ppd.officer',
      body: { message: `${bigText} clarify` },
    });
    expect(await stack.objects.get(`bodies/${sha256(bigText)}`)).toBeUndefined();
    const allowedIntake = await api('POST', '/requests', {
      as: 'ict.officer',
      body: { channel: 'letter', requester: { name: 'Sonam', kind: 'public' }, subject: 'x', body: bigText },
    });
    // Assess
    expect(notConsulted.status).toBe(409);
    expect([intake.status, website.status, clarification.status]).toEqual([403, 403, 403]);
    expect(await stack.objects.get(`attachments/${sha256(attachment)}`)).toBeUndefined();
    expect(await stack.objects.get(`website/${sha256(`${bigText} web`)}`)).toBeUndefined();
    expect(await stack.objects.get(`clarifications/${sha256(`${bigText} clarify`)}`)).toBeUndefined();
    expect(allowedIntake.status).toBe(201);
    expect(await stack.objects.get(`bodies/${sha256(bigText)}`)).toBeDefined();
  });
});
