import { describe, expect, it } from '@jest/globals';
import { mailDecider, type MailCommand, type RecordInboundMail } from '../../../domain/intake/mail-decider.js';
import { heldMailView } from '../../../domain/views/held-mail-view.js';
import { as, system } from '../../support/agency.js';
import { playWith } from '../../support/decider-spec.js';

// A mail in the holding pen as intake officers see it (`GET /holding-pen` and the mail's page): who wrote,
// why intake held it, what came with it, and what an officer then did with it.
const MAIL_ID = 'c'.repeat(64);
const ARRIVED = '2026-11-23T09:00:00+06:00';
const SETTLED = '2026-11-23T11:30:00+06:00';
const intake = system('email-intake');

const fromKarma: RecordInboundMail['data']['received'] = {
  mailId: MAIL_ID,
  raw: { storageKey: `inbound/${MAIL_ID}`, sha256: MAIL_ID, sizeBytes: 48_000 },
  from: 'karma@example.bt',
  fromName: 'Karma Wangmo',
  to: ['rti@necs.example'],
  subject: 'Air quality data',
  body: { inline: 'Could you share the readings? Or is this the same as my earlier request?' },
  attachments: [
    {
      filename: 'letter.pdf',
      contentType: 'application/pdf',
      sizeBytes: 52_001,
      sha256: 'b'.repeat(64),
      storageKey: `inbound/${MAIL_ID}/letter.pdf`,
    },
  ],
  quarantined: [
    {
      filename: 'readings.exe',
      contentType: 'application/octet-stream',
      sizeBytes: 90_112,
      sha256: 'e'.repeat(64),
      storageKey: `inbound/${MAIL_ID}/readings.exe`,
      reason: 'executable file',
    },
  ],
  receivedAt: ARRIVED,
  parseWarnings: [],
};

/** A mail whose From header held no address mail could be answered at. */
const { from: _from, fromName: _name, ...withoutSender } = fromKarma;
const fromNoAddress: RecordInboundMail['data']['received'] = {
  ...withoutSender,
  fromHeader: 'Karma (via the district office)',
  attachments: [],
  quarantined: [],
};

const recorded = (
  received: RecordInboundMail['data']['received'],
  outcome: RecordInboundMail['data']['outcome'],
): MailCommand => ({
  type: 'RecordInboundMail',
  data: { received, outcome },
  metadata: { now: ARRIVED, actor: intake },
});
const heldAsPossibleReply = (received = fromKarma) =>
  recorded(received, {
    type: 'MailHeld',
    data: {
      reason: 'possible_reply',
      detail: 'the subject looks like a reply to NECS-2026-00001 but has no reference',
      candidateRequestId: 'NECS-2026-00001',
    },
  });
const heldAsUnclear = (received = fromKarma) =>
  recorded(received, { type: 'MailHeld', data: { reason: 'unclear', detail: 'no request in it' } });
const officer = (type: 'AttachHeldMail' | 'PromoteHeldMail' | 'DiscardHeldMail', data: object): MailCommand =>
  ({ type, data, metadata: { now: SETTLED, actor: as('ict.officer') } }) as MailCommand;

const mail = (...commands: MailCommand[]) => playWith(mailDecider, commands);

describe('a held mail in the holding pen', () => {
  it('shows who wrote, what about, why intake held it and the request it may belong to', () => {
    expect(heldMailView(mail(heldAsPossibleReply()))).toStrictEqual({
      id: MAIL_ID,
      status: 'held',
      receivedAt: ARRIVED,
      from: 'karma@example.bt',
      fromName: 'Karma Wangmo',
      fromHeader: null,
      subject: 'Air quality data',
      reason: 'possible_reply',
      detail: 'the subject looks like a reply to NECS-2026-00001 but has no reference',
      candidateRequestId: 'NECS-2026-00001',
      attachments: [{ filename: 'letter.pdf', sizeBytes: 52_001, sha256: 'b'.repeat(64) }],
      quarantined: [{ filename: 'readings.exe', reason: 'executable file' }],
      resolution: null,
    });
  });

  it('from a sender without an address shows the From header as written, and no request it may belong to', () => {
    expect(heldMailView(mail(heldAsUnclear(fromNoAddress)))).toMatchObject({
      from: null,
      fromName: null,
      fromHeader: 'Karma (via the district office)',
      reason: 'unclear',
      detail: 'no request in it',
      candidateRequestId: null,
      attachments: [],
      quarantined: [],
      resolution: null,
    });
  });
});

describe('a held mail an intake officer settled', () => {
  it('attached to a request shows that, when, and to which request', () => {
    const view = heldMailView(mail(heldAsPossibleReply(), officer('AttachHeldMail', { requestId: 'NECS-2026-00001' })));
    expect(view).toMatchObject({
      status: 'attached',
      reason: 'possible_reply',
      resolution: { type: 'HeldMailAttached', at: SETTLED, requestId: 'NECS-2026-00001' },
    });
  });

  it('made a new request shows that, when, and the new request', () => {
    const view = heldMailView(mail(heldAsUnclear(), officer('PromoteHeldMail', { requestId: 'NECS-2026-00042' })));
    expect(view).toMatchObject({
      status: 'promoted',
      resolution: { type: 'HeldMailPromoted', at: SETTLED, requestId: 'NECS-2026-00042' },
    });
  });

  it('discarded shows that and when, and names no request', () => {
    const view = heldMailView(mail(heldAsUnclear(), officer('DiscardHeldMail', { reason: 'spam' })));
    expect(view).toMatchObject({ status: 'discarded', reason: 'unclear' });
    expect(view?.resolution).toStrictEqual({ type: 'HeldMailDiscarded', at: SETTLED });
  });
});

describe('a mail intake placed or ignored at once', () => {
  it('is not in the holding pen', () => {
    const routed = recorded(fromKarma, {
      type: 'MailRouted',
      data: { outcome: 'new_request', requestId: 'NECS-2026-00001', reason: 'a new request' },
    });
    const ignored = recorded(fromKarma, {
      type: 'MailIgnored',
      data: { reason: 'auto_reply', detail: 'out of office' },
    });
    expect(heldMailView(mail(routed))).toBeUndefined();
    expect(heldMailView(mail(ignored))).toBeUndefined();
  });

  it('nor is a mail never received', () => {
    expect(heldMailView([])).toBeUndefined();
  });
});
