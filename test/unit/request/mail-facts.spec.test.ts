import { describe, expect, it } from '@jest/globals';
import { fold, type Request } from '../../../domain/request/state.js';
import { system } from '../../support/agency.js';
import { playWith } from '../../support/decider-spec.js';
import { FRIDAY_MORNING, command, deciderWith, given, play, receivedByEmail } from '../../support/request-spec.js';

// What the mailer, SES and the social platform tell the workflow about the messages it sent: each fact
// is recorded once, on the mail it is about, so the request's page shows who got what and what came back.

const ACK = 'karma@example.bt';
const mailSent = (mailId: string, sesMessageId: string, to: string[] = [ACK]) =>
  command('RecordMailSent', { mailId, purpose: 'acknowledgment', sesMessageId, to }, system('mailer'), FRIDAY_MORNING);
const delivered = (sesMessageId: string, recipients: string[] = [ACK]) =>
  command(
    'RecordDelivery',
    { sesMessageId, recipients, deliveredAt: '2026-11-20T04:01:00Z' },
    system('ses-events'),
    '2026-11-20T10:01:00+06:00',
  );
const bounced = (
  sesMessageId: string,
  recipients: string[],
  bounceType: 'permanent' | 'transient' | 'undetermined' | 'complaint' = 'permanent',
) =>
  command(
    'RecordBounce',
    { sesMessageId, recipients, bounceType, diagnostic: '550 5.1.1 user unknown' },
    system('ses-events'),
    '2026-11-20T10:02:00+06:00',
  );
const socialSent = (messageId: string) =>
  command(
    'RecordSocialMessageSent',
    {
      messageId,
      purpose: 'acknowledgment',
      platform: 'facebook',
      recipientId: 'psid-4471',
      platformMessageIds: [`m_${messageId}`],
    },
    system('social-outbound'),
    FRIDAY_MORNING,
  );

/** `history` and the events the commands add to it (setup: a refusal fails the test). */
const after = (history: ReturnType<typeof play>, ...commands: Parameters<typeof play>[0]) =>
  playWith(deciderWith(), commands, history);

/** The mail to the requester and a copy to their office, both sent on Friday morning. */
const twoMails = () =>
  play([receivedByEmail(), mailSent('ack-1', 'ses-1'), mailSent('ack-2', 'ses-2', [ACK, 'office@example.bt'])]);

describe('mail the agency sent', () => {
  it('records a second, different mail as well as the first', () => {
    given(play([receivedByEmail(), mailSent('ack-1', 'ses-1')]))
      .when(mailSent('ack-2', 'ses-2'))
      .then([expect.objectContaining({ type: 'MailSent', data: expect.objectContaining({ mailId: 'ack-2' }) })]);
  });

  it('shows a mail just sent as neither delivered nor bounced', () => {
    const state = fold(twoMails()) as Request;
    expect(state.mails).toStrictEqual([
      {
        mailId: 'ack-1',
        purpose: 'acknowledgment',
        sesMessageId: 'ses-1',
        to: [ACK],
        sentAt: FRIDAY_MORNING,
        deliveredTo: [],
        bounced: [],
      },
      expect.objectContaining({ mailId: 'ack-2', deliveredTo: [], bounced: [] }),
    ]);
  });
});

describe('deliveries', () => {
  it('are recorded on the mail SES delivered, not on another mail to the same person', () => {
    // ses-1 was delivered to the requester; ses-2, to the same requester, is delivered now
    given(after(twoMails(), delivered('ses-1')))
      .when(delivered('ses-2'))
      .then([
        expect.objectContaining({
          type: 'ResponseDelivered',
          data: { sesMessageId: 'ses-2', recipients: [ACK], deliveredAt: '2026-11-20T04:01:00Z' },
        }),
      ]);
  });

  it('show on the mail they are about only', () => {
    const state = fold(after(twoMails(), delivered('ses-2', ['office@example.bt']))) as Request;
    expect(state.mails.map((m) => [m.mailId, m.deliveredTo])).toStrictEqual([
      ['ack-1', []],
      ['ack-2', ['office@example.bt']],
    ]);
  });
});

describe('bounces', () => {
  it('are recorded with the reason the receiving server gave, and show on the mail', () => {
    given(twoMails())
      .when(bounced('ses-2', ['office@example.bt']))
      .then([
        {
          type: 'ResponseBounced',
          schemaVersion: 1,
          occurredAt: '2026-11-20T10:02:00+06:00',
          actor: { kind: 'system', component: 'ses-events' },
          data: {
            sesMessageId: 'ses-2',
            recipients: ['office@example.bt'],
            bounceType: 'permanent',
            diagnostic: '550 5.1.1 user unknown',
          },
        },
      ]);
    const state = fold(after(twoMails(), bounced('ses-2', ['office@example.bt']))) as Request;
    expect(state.mails.map((m) => [m.mailId, m.bounced])).toStrictEqual([
      ['ack-1', []],
      ['ack-2', [{ recipients: ['office@example.bt'], bounceType: 'permanent' }]],
    ]);
  });

  it('are recorded once: the same report again changes nothing', () => {
    const history = after(twoMails(), bounced('ses-2', [ACK, 'office@example.bt']));
    given(history)
      .when(bounced('ses-2', ['office@example.bt', ACK]))
      .thenNothingHappens();
  });

  it('are recorded again when the kind of bounce differs (a complaint after a soft bounce)', () => {
    const history = after(twoMails(), bounced('ses-2', [ACK], 'transient'));
    given(history)
      .when(bounced('ses-2', [ACK], 'complaint'))
      .then([
        expect.objectContaining({
          type: 'ResponseBounced',
          data: expect.objectContaining({ bounceType: 'complaint' }),
        }),
      ]);
  });

  it('are recorded again for other recipients of the same mail, even as many of them', () => {
    const history = after(twoMails(), bounced('ses-2', [ACK]));
    given(history)
      .when(bounced('ses-2', ['office@example.bt']))
      .then([expect.objectContaining({ data: expect.objectContaining({ recipients: ['office@example.bt'] }) })]);
    given(history)
      .when(bounced('ses-2', [ACK, 'office@example.bt']))
      .then([expect.objectContaining({ data: expect.objectContaining({ recipients: [ACK, 'office@example.bt'] }) })]);
    const both = after(twoMails(), bounced('ses-2', [ACK, 'office@example.bt']));
    given(both)
      .when(bounced('ses-2', [ACK, 'other@example.bt']))
      .then([expect.objectContaining({ type: 'ResponseBounced' })]);
  });

  it('are recorded on the mail they are about, not on another that bounced the same way', () => {
    const history = after(twoMails(), bounced('ses-1', [ACK]));
    given(history)
      .when(bounced('ses-2', [ACK]))
      .then([expect.objectContaining({ data: expect.objectContaining({ sesMessageId: 'ses-2' }) })]);
  });

  it('are refused for a mail this request never sent', () => {
    given(twoMails())
      .when(bounced('ses-9', [ACK]))
      .thenRefused('INVALID_INPUT', /no mail ses-9 was sent for request NECS-2026-00001/);
  });
});

describe('private messages on a social platform', () => {
  it('are recorded once each, and show on the request', () => {
    given(play([receivedByEmail()]))
      .when(socialSent('NECS-2026-00001.v1'))
      .then([
        {
          type: 'SocialMessageSent',
          schemaVersion: 1,
          occurredAt: FRIDAY_MORNING,
          actor: { kind: 'system', component: 'social-outbound' },
          data: {
            messageId: 'NECS-2026-00001.v1',
            purpose: 'acknowledgment',
            platform: 'facebook',
            recipientId: 'psid-4471',
            platformMessageIds: ['m_NECS-2026-00001.v1'],
          },
        },
      ]);
    const once = play([receivedByEmail(), socialSent('NECS-2026-00001.v1')]);
    given(once).when(socialSent('NECS-2026-00001.v1')).thenNothingHappens();
    given(once)
      .when(socialSent('NECS-2026-00001.v4'))
      .then([expect.objectContaining({ type: 'SocialMessageSent' })]);
    expect((fold(once) as Request).socialMessages).toStrictEqual([
      {
        messageId: 'NECS-2026-00001.v1',
        purpose: 'acknowledgment',
        sentAt: FRIDAY_MORNING,
        platformMessageIds: ['m_NECS-2026-00001.v1'],
      },
    ]);
  });
});
