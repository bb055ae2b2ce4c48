import { describe, expect, it } from '@jest/globals';
import { commandForNotification, type SesNotification } from '../../../application/ses-notifications.js';

const NOW = '2026-11-23T05:00:00.000Z';
const mail = { messageId: 'ses-0001', tags: { request: ['NECS-2026-00001'] } };
const metadata = { now: NOW, actor: { kind: 'system', component: 'ses-events' } };

describe('what an SES event records on its request', () => {
  it('a delivery is recorded with its recipients and when it arrived', () => {
    const n: SesNotification = {
      eventType: 'Delivery',
      mail,
      delivery: { timestamp: '2026-11-23T04:59:00Z', recipients: ['pema@example.bt'] },
    };
    expect(commandForNotification(n, NOW)).toEqual({
      requestId: 'NECS-2026-00001',
      command: {
        type: 'RecordDelivery',
        data: { sesMessageId: 'ses-0001', recipients: ['pema@example.bt'], deliveredAt: '2026-11-23T04:59:00.000Z' },
        metadata,
      },
    });
  });

  it('a bounce is recorded with its type and what the receiving server said', () => {
    const n: SesNotification = {
      eventType: 'Bounce',
      mail,
      bounce: {
        bounceType: 'Permanent',
        bouncedRecipients: [{ emailAddress: 'nobody@example.bt', diagnosticCode: '550 no such user' }],
      },
    };
    expect(commandForNotification(n, NOW)?.command).toEqual({
      type: 'RecordBounce',
      data: {
        sesMessageId: 'ses-0001',
        recipients: ['nobody@example.bt'],
        bounceType: 'permanent',
        diagnostic: '550 no such user',
      },
      metadata,
    });
  });

  it('a complaint is recorded as a bounce of type complaint, without a diagnostic', () => {
    const n: SesNotification = {
      eventType: 'Complaint',
      mail,
      complaint: { complainedRecipients: [{ emailAddress: 'pema@example.bt' }] },
    };
    expect(commandForNotification(n, NOW)?.command).toEqual({
      type: 'RecordBounce',
      data: { sesMessageId: 'ses-0001', recipients: ['pema@example.bt'], bounceType: 'complaint' },
      metadata,
    });
  });

  it('mail not tagged with a request, or an event we do not record, records nothing', () => {
    expect(commandForNotification({ eventType: 'Delivery', mail: { messageId: 'x' } }, NOW)).toBeUndefined();
    expect(commandForNotification({ eventType: 'Open', mail }, NOW)).toBeUndefined();
  });
});
