import { describe, it } from '@jest/globals';
import { senderDayDecider, type TakeSenderAcknowledgment } from '../../../domain/intake/sender-decider.js';
import { MAX_ACKNOWLEDGMENTS_PER_SENDER_DAY } from '../../../domain/intake/sender-allowance.js';
import { as, system } from '../../support/agency.js';
import { DeciderSpecification, playWith } from '../../support/decider-spec.js';

// A sender's day: each new mail from them takes one acknowledgment, up to the day's limit.
const DAY = '2026-11-23';
const NOW = '2026-11-23T10:00:00+06:00';
const intake = system('email-intake');
const sender = DeciderSpecification.for(senderDayDecider);
const mailNo = (n: number) => n.toString(16).padStart(64, '0');
const newMail = (n: number): TakeSenderAcknowledgment => ({
  type: 'TakeSenderAcknowledgment',
  data: { mailId: mailNo(n), day: DAY },
  metadata: { now: NOW, actor: intake },
});
const mailsTaken = (count: number) =>
  playWith(
    senderDayDecider,
    Array.from({ length: count }, (_, i) => newMail(i + 1)),
  );

describe('a sender’s acknowledgments of the day', () => {
  it('lets a new mail take one', () => {
    sender
      .given([])
      .when(newMail(1))
      .then([
        {
          type: 'SenderAcknowledgmentTaken',
          schemaVersion: 1,
          occurredAt: NOW,
          actor: intake,
          data: { mailId: mailNo(1), day: DAY },
        },
      ]);
  });

  it('takes nothing more for a mail that took one already (a redelivery)', () => {
    sender.given(mailsTaken(2)).when(newMail(2)).thenNothingHappens();
  });

  it('takes nothing once the day’s are all taken: the mail loop stops there', () => {
    const full = MAX_ACKNOWLEDGMENTS_PER_SENDER_DAY;
    sender
      .given(mailsTaken(full))
      .when(newMail(full + 1))
      .thenNothingHappens();
  });

  it('is intake’s to take, not a person’s', () => {
    sender
      .given([])
      .when({ ...newMail(1), metadata: { now: NOW, actor: as('ict.officer') } })
      .thenThrows('FORBIDDEN');
  });
});
