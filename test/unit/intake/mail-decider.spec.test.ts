import { describe, it } from '@jest/globals';
import { mailDecider, type MailCommand, type RecordInboundMail } from '../../../domain/intake/mail-decider.js';
import type { MailEvent } from '../../../events/intake-events.js';
import { as, system } from '../../support/agency.js';
import { DeciderSpecification, playWith } from '../../support/decider-spec.js';

// One inbound mail, from its arrival to an intake officer's decision on it, in business words.
const MAIL_ID = 'a'.repeat(64);
const ARRIVED = '2026-11-23T09:00:00+06:00';
const LATER = '2026-11-23T11:00:00+06:00';
const intake = system('email-intake');
const mail = DeciderSpecification.for(mailDecider);

const received: RecordInboundMail['data']['received'] = {
  mailId: MAIL_ID,
  raw: { storageKey: `inbound/${MAIL_ID}`, sha256: MAIL_ID, sizeBytes: 1200 },
  from: 'karma@example.bt',
  to: ['rti@necs.example'],
  subject: 'Air quality data',
  body: { inline: 'Could you share the readings?' },
  attachments: [],
  quarantined: [],
  receivedAt: ARRIVED,
  parseWarnings: [],
};
const heldAsUnclear = (): MailCommand => ({
  type: 'RecordInboundMail',
  data: { received, outcome: { type: 'MailHeld', data: { reason: 'unclear', detail: 'no request in it' } } },
  metadata: { now: ARRIVED, actor: intake },
});
const heldMail = (): MailEvent[] => playWith(mailDecider, [heldAsUnclear()]);
const discardedBy = (officer: string): MailCommand => ({
  type: 'DiscardHeldMail',
  data: { reason: 'spam' },
  metadata: { now: LATER, actor: as(officer) },
});

describe('intake records an inbound mail once', () => {
  it('records the mail as received together with what intake decided about it', () => {
    mail
      .given([])
      .when(heldAsUnclear())
      .then([
        { type: 'MailReceived', schemaVersion: 1, occurredAt: ARRIVED, actor: intake, data: received },
        {
          type: 'MailHeld',
          schemaVersion: 1,
          occurredAt: ARRIVED,
          actor: intake,
          data: { reason: 'unclear', detail: 'no request in it' },
        },
      ]);
  });

  it('records nothing for a redelivery of the same message', () => {
    mail.given(heldMail()).when(heldAsUnclear()).thenNothingHappens();
  });

  it('is intake’s to record, not a person’s', () => {
    mail
      .given([])
      .when({ ...heldAsUnclear(), metadata: { now: ARRIVED, actor: as('ict.officer') } })
      .thenThrows('FORBIDDEN');
  });
});

describe('an intake officer settles held mail once', () => {
  it('discards a held mail, with the reason, in the officer’s name', () => {
    mail
      .given(heldMail())
      .when(discardedBy('ict.officer'))
      .then([
        {
          type: 'HeldMailDiscarded',
          schemaVersion: 1,
          occurredAt: LATER,
          actor: { kind: 'user', userId: 'ict.officer', role: 'intake_officer' },
          data: { reason: 'spam' },
        },
      ]);
  });

  it('refuses a second decision on a mail already settled', () => {
    const settled = playWith(mailDecider, [discardedBy('ict.officer')], heldMail());
    mail
      .given(settled)
      .when({
        type: 'AttachHeldMail',
        data: { requestId: 'NECS-2026-00001' },
        metadata: { now: LATER, actor: as('ict.officer') },
      })
      .thenThrows('INVALID_TRANSITION');
  });

  it('refuses anyone but an intake officer, and a mail it never received', () => {
    mail.given(heldMail()).when(discardedBy('legal.officer')).thenThrows('FORBIDDEN');
    mail.given([]).when(discardedBy('ict.officer')).thenThrows('REQUEST_NOT_FOUND');
  });
});
