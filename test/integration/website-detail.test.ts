import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { LocalStack } from '../../local/stack.js';
import { caller, startTestStack } from '../support/stack.js';

let stack: LocalStack;
let api: ReturnType<typeof caller>;
beforeAll(async () => {
  stack = await startTestStack();
  api = caller(stack);
}, 60_000);
afterAll(async () => stack.stop());

const photo = Buffer.from('jpeg bytes of the workshop');

describe('what ICT reads before confirming a website update complete', () => {
  it('the information as last sent, and each file to open', async () => {
    // Prepare: a division sends an update with a photograph; ICT returns it; the division sends it again, corrected
    const created = await api('POST', '/website-updates', {
      as: 'ppd.chief',
      body: {
        kind: 'news',
        title: 'Clean-up day at Wangchhu',
        body: 'Volunteers collected 2 tonnes.',
        attachments: [{ filename: 'clean-up.jpg', contentType: 'image/jpeg', contentBase64: photo.toString('base64') }],
      },
    });
    const id = created.body.id as string;
    expect(
      (await api('POST', `/website-updates/${id}/return`, { as: 'ict.head', body: { reason: 'How many volunteers?' } }))
        .status,
    ).toBe(200);
    expect(
      (
        await api('POST', `/website-updates/${id}/resubmit`, {
          as: 'ppd.chief',
          body: { body: '120 volunteers collected 2 tonnes of waste.' },
        })
      ).status,
    ).toBe(200);
    // Act
    const update = await api('GET', `/website-updates/${id}`, { as: 'ict.head' });
    const sha = (update.body.attachments as { sha256: string }[])[0]?.sha256 as string;
    const file = await api('GET', `/website-updates/${id}/attachments/${sha}`, { as: 'ict.head' });
    // Assess
    expect(update.body.text).toBe('120 volunteers collected 2 tonnes of waste.');
    expect(file.status).toBe(200);
    expect(file.body.text).toBe(photo.toString('utf8'));
    expect((await api('GET', `/website-updates/${id}/attachments/${'0'.repeat(64)}`, { as: 'ict.head' })).status).toBe(
      404,
    );
    expect((await api('GET', `/website-updates/${id}/attachments/${sha}`, { as: 'auditor' })).status).toBe(403);
  });
});
