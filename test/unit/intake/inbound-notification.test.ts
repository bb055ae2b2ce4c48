import { describe, expect, it } from '@jest/globals';
import { inboundMailsOf } from '../../../application/intake/inbound-notification.js';
import { routeMail } from '../../../domain/intake/routing.js';

// Shaped as SES documents its notification for a receipt rule's S3 action (trimmed).
const sesReceived = (dmarc: string) => ({
  notificationType: 'Received',
  mail: {
    timestamp: '2026-11-23T04:00:00.000Z',
    source: 'karma@example.bt',
    messageId: 'o3vrnil0e2ic28trm7dfhrc2v0clambda4nbp0g1',
    destination: ['requests@necs.example'],
  },
  receipt: {
    timestamp: '2026-11-23T04:00:00.000Z',
    recipients: ['requests@necs.example'],
    spamVerdict: { status: 'PASS' },
    virusVerdict: { status: 'PASS' },
    spfVerdict: { status: 'PASS' },
    dkimVerdict: { status: 'GRAY' },
    dmarcVerdict: { status: dmarc },
    action: {
      type: 'S3',
      topicArn: 'arn:aws:sns:eu-west-1:123456789012:inbound',
      bucketName: 'mail',
      objectKeyPrefix: 'raw/',
      objectKey: 'raw/o3vrnil0e2ic28trm7dfhrc2v0clambda4nbp0g1',
    },
  },
});

describe('what the intake queue carries', () => {
  it("reads SES's receipt: the stored object and SES's own verdicts", () => {
    expect(inboundMailsOf(sesReceived('FAIL'))).toEqual([
      {
        storageKey: 'raw/o3vrnil0e2ic28trm7dfhrc2v0clambda4nbp0g1',
        receivedAt: '2026-11-23T04:00:00.000Z',
        recipients: ['requests@necs.example'],
        verdicts: { spam: 'PASS', virus: 'PASS', dmarc: 'FAIL' },
      },
    ]);
  });

  it("reads an S3 event notification without assuming any verdict, and skips SES's topic check", () => {
    const s3 = { Records: [{ eventTime: '2026-11-23T04:00:00.000Z', s3: { object: { key: 'raw/a+b.eml' } } }] };
    expect(inboundMailsOf(s3)).toEqual([{ storageKey: 'raw/a b.eml', receivedAt: '2026-11-23T04:00:00.000Z' }]);
    expect(inboundMailsOf({ notificationType: 'AmazonSnsSubscriptionSucceeded', message: 'ok' })).toEqual([]);
    expect(() => inboundMailsOf({ something: 'else' })).toThrow();
  });
});

describe('routing on verdicts', () => {
  it('holds a DMARC failure and ignores SES spam or virus failures', () => {
    expect(
      routeMail({ fromAddress: 'a@example.bt', fromOurAddress: false, verdicts: { dmarc: 'FAIL' } }),
    ).toMatchObject({ outcome: 'hold', reason: 'dmarc_fail' });
    expect(
      routeMail({ fromAddress: 'a@example.bt', fromOurAddress: false, verdicts: { spam: 'FAIL', dmarc: 'PASS' } }),
    ).toMatchObject({ outcome: 'ignore', reason: 'spam_fail' });
    expect(
      routeMail({ fromAddress: 'a@example.bt', fromOurAddress: false, verdicts: { dmarc: 'GRAY' } }),
    ).toMatchObject({ outcome: 'new_request' });
  });
});
