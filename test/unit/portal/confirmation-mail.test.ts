import { describe, expect, it } from '@jest/globals';
import type { OutgoingMail } from '../../../application/outgoing-mail.js';
import { sendConfirmationMail, submissionKeyOf } from '../../../application/portal/confirmation-mail.js';
import type { PendingSubmission, StoredSubmission } from '../../../application/portal/submission-store.js';
import { necs } from '../../support/agency.js';

const TOKEN = 'A'.repeat(31) + 'b';
const SUBMITTED = '2026-11-23T03:00:00.000Z';
const pending: PendingSubmission = {
  name: 'Karma Dorji',
  email: 'karma@example.bt',
  subject: 'PM2.5 readings for Thimphu',
  body: 'Monthly readings for 2025, please.',
  kind: 'public',
  submittedAt: SUBMITTED,
  expiresAt: '2026-11-30T03:00:00.000Z',
  limitKey: 'address#x#2026-11-23',
};

/** The mailer's view of the portal: one kept submission (or none), and the mail it sent. */
const mailer = (stored: StoredSubmission | undefined, now: string) => {
  const sent: OutgoingMail[] = [];
  const deps = {
    submissions: {
      get: async (key: string) => (key === submissionKeyOf(TOKEN) ? stored : undefined),
    } as never,
    send: async (mail: OutgoingMail) => (sent.push(mail), 'message-id'),
    agency: necs,
    baseUrl: 'https://requests.necs.example/portal',
    now: () => new Date(now),
  };
  return { sent, deps };
};

describe('the portal’s confirmation mail, as the mailer sends it from the queue', () => {
  it('mails the person who asked a link that confirms their request, naming what they asked', async () => {
    const { sent, deps } = mailer({ pending }, '2026-11-23T03:00:05.000Z');
    expect(await sendConfirmationMail(deps, { purpose: 'portal_confirmation', token: TOKEN })).toBe('sent');
    expect(sent).toHaveLength(1);
    expect(sent[0]?.to).toEqual(['karma@example.bt']);
    expect(sent[0]?.text).toContain(`https://requests.necs.example/portal/confirm/${TOKEN}`);
    expect(sent[0]?.text).toContain('PM2.5 readings for Thimphu');
    expect(sent[0]?.headers).toMatchObject({ 'Auto-Submitted': 'auto-generated' });
  });

  it('sends nothing when the link would not work: never kept, already confirmed, or past its 7 days', async () => {
    const confirmed: StoredSubmission = { confirmed: { id: 'NECS-2026-00001', dueAt: SUBMITTED, trackUrl: 'x' } };
    for (const [stored, now] of [
      [undefined, '2026-11-23T03:00:05.000Z'],
      [confirmed, '2026-11-23T03:00:05.000Z'],
      [{ pending }, '2026-11-30T03:00:00.000Z'],
    ] as const) {
      const { sent, deps } = mailer(stored, now);
      expect(await sendConfirmationMail(deps, { purpose: 'portal_confirmation', token: TOKEN })).toBe('not_pending');
      expect(sent).toEqual([]);
    }
  });
});
