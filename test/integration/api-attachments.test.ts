import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import type { LocalStack } from '../../local/stack.js';
import { mime } from '../support/mime.js';
import { caller, intakeOf, startTestStack } from '../support/stack.js';

let stack: LocalStack;
let api: ReturnType<typeof caller>;
let intake: ReturnType<typeof intakeOf>;
beforeAll(async () => {
  stack = await startTestStack();
  api = caller(stack);
  intake = intakeOf(stack);
}, 60_000);
afterAll(async () => stack.stop());

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const pdf = Buffer.from('%PDF-1.4\n% readings of the Wang Chhu\n');
const csv = Buffer.from('station,ph\nChuzom,7.4\n');
const download = (ref: string, attachmentId: string, as = 'legal.officer') =>
  fetch(`${stack.apiUrl}/requests/${ref}/attachments/${attachmentId}`, {
    headers: { authorization: `Bearer local:${as}` },
  });

describe('GET /requests/{id}/attachments/{attachmentId}', () => {
  let ref = '';
  let other = '';
  beforeAll(async () => {
    // Prepare: a request by mail with two attachments (one with a name that needs care), and a second request without.
    const first = await intake.deliver(
      await mime({
        from: 'Karma Wangmo <karma@example.bt>',
        to: 'requests@necs.example',
        subject: 'Water quality',
        text: 'See attached.',
        attachments: [
          { filename: 'Wang "Chhu" readings.pdf', content: pdf, contentType: 'application/pdf' },
          { filename: 'ཆུ.csv', content: csv, contentType: 'text/csv' },
        ],
      }),
    );
    const second = await intake.deliver(
      await mime({
        from: 'Dorji <dorji@example.bt>',
        to: 'requests@necs.example',
        subject: 'Air quality',
        text: 'No files.',
      }),
    );
    ref = first.requestId as string;
    other = second.requestId as string;
    await stack.settle();
  }, 60_000);

  it('hands staff the very bytes received, as a download with a safe name, never sniffed', async () => {
    // Act
    const res = await download(ref, sha(pdf));
    // Assess
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(pdf);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="Wang _Chhu_ readings.pdf"; filename*=UTF-8''Wang%20%22Chhu%22%20readings.pdf`,
    );
    const dz = await download(ref, sha(csv));
    expect(dz.headers.get('content-disposition')).toBe(
      `attachment; filename="__.csv"; filename*=UTF-8''${encodeURIComponent('ཆུ.csv')}`,
    );
    expect(Buffer.from(await dz.arrayBuffer())).toEqual(csv);
  });

  it('is 404 for an attachment that is not on that request, and for a malformed id', async () => {
    expect(
      (await api('GET', `/requests/${other}/attachments/${sha(pdf)}`, { as: 'legal.officer' })).body.error?.code,
    ).toBe('ATTACHMENT_NOT_FOUND');
    expect((await api('GET', `/requests/${ref}/attachments/${'0'.repeat(64)}`, { as: 'legal.officer' })).status).toBe(
      404,
    );
    expect((await api('GET', `/requests/${ref}/attachments/not-a-digest`, { as: 'legal.officer' })).status).toBe(404);
    expect(
      (await api('GET', `/requests/NECS-2026-99999/attachments/${sha(pdf)}`, { as: 'legal.officer' })).status,
    ).toBe(404);
  });

  it('is for staff: an auditor gets 403, no token 401', async () => {
    expect((await download(ref, sha(pdf), 'auditor')).status).toBe(403);
    expect((await fetch(`${stack.apiUrl}/requests/${ref}/attachments/${sha(pdf)}`)).status).toBe(401);
  });
});
