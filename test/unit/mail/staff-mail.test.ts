import { describe, expect, it } from '@jest/globals';
import { isStaffMessageId, normalizeMessageId } from '../../../domain/intake/references.js';
import { staffMailEnvelope } from '../../../domain/mail/staff-mail.js';

const mail = { subject: 'Your digest', text: 'Three requests are due.', html: '<p>Three requests are due.</p>' };
const base = { agencyName: 'NECS', fromAddress: 'requests@necs.example', to: ['pema@necs.example'], mail };

describe('the envelope of a staff mail', () => {
  it('comes from the desk under the agency’s name, and replies go back to the desk', () => {
    const envelope = staffMailEnvelope({ ...base, messageId: { staffKey: 'digest.d-1' } });
    expect(envelope).toMatchObject({
      from: { name: 'Request Desk — NECS', address: 'requests@necs.example' },
      replyTo: 'requests@necs.example',
      to: ['pema@necs.example'],
      cc: [],
      attachments: [],
      subject: 'Your digest',
      text: 'Three requests are due.',
      html: '<p>Three requests are due.</p>',
    });
  });

  it('is marked automatic, whatever other headers the mail carries, so that no responder answers it', () => {
    const envelope = staffMailEnvelope({
      ...base,
      messageId: { staffKey: 'digest.d-1' },
      headers: { Precedence: 'bulk', 'Auto-Submitted': 'no' },
    });
    expect(envelope.headers).toEqual({ Precedence: 'bulk', 'Auto-Submitted': 'auto-generated' });
  });

  it('has a Message-ID that intake recognises as staff mail, so a reply to it never joins a request', () => {
    const envelope = staffMailEnvelope({ ...base, messageId: { staffKey: 'report.2026-11.u-head' } });
    expect(isStaffMessageId(normalizeMessageId(envelope.messageId), 'necs.example')).toBe(true);
  });

  it('lets a view asked be answered to whoever asked, under the Message-ID its request gave', () => {
    const envelope = staffMailEnvelope({
      ...base,
      replyTo: 'karma@necs.example',
      messageId: { exact: '<req.abc@necs.example>' },
    });
    expect(envelope.replyTo).toBe('karma@necs.example');
    expect(envelope.messageId).toBe('<req.abc@necs.example>');
  });
});
