import { beforeEach, describe, expect, it } from '@jest/globals';
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { simpleParser } from 'mailparser';
import { composeMime, sesSender } from '../../../adapters/ses/ses-sender.js';
import { MailUnavailableError, type OutgoingMail } from '../../../application/outgoing-mail.js';

const ses = mockClient(SESv2Client);
const mail: OutgoingMail = {
  from: { name: 'National Environment Commission Secretariat', address: 'requests@necs.example' },
  replyTo: 'requests+NECS-2026-00001-0123456789ab@necs.example',
  to: ['karma@example.bt'],
  cc: ['archive@necs.example'],
  subject: 'Response: [NECS-2026-00001] བོད་ཡིག air quality',
  text: 'Please find the readings attached.',
  html: '<p>Please find the readings attached.</p>',
  attachments: [{ filename: 'pm25.csv', contentType: 'text/csv', content: new TextEncoder().encode('month,pm25\n') }],
  headers: { 'X-Request-Desk-Reference': 'NECS-2026-00001' },
};
const throttled = () =>
  Object.assign(new Error('Maximum sending rate exceeded.'), { name: 'TooManyRequestsException' });

beforeEach(() => {
  ses.reset();
});

describe('sending through SES', () => {
  it('builds MIME that a mail client reads back: addresses, Dzongkha subject, attachment, headers', async () => {
    const parsed = await simpleParser(await composeMime(mail));
    expect(parsed.subject).toBe(mail.subject);
    expect(parsed.replyTo?.text).toBe(mail.replyTo);
    expect(parsed.cc && !Array.isArray(parsed.cc) ? parsed.cc.text : '').toBe('archive@necs.example');
    expect(parsed.attachments.map((a) => [a.filename, a.content.toString()])).toEqual([['pm25.csv', 'month,pm25\n']]);
    expect(parsed.headers.get('x-request-desk-reference')).toBe('NECS-2026-00001');
  });

  it('retries throttling with backoff and returns the message id', async () => {
    ses.on(SendEmailCommand).rejectsOnce(throttled()).rejectsOnce(throttled()).resolves({ MessageId: 'ses-1' });
    expect(
      await sesSender(new SESv2Client({ region: 'ap-south-1' }), 'necs')(mail, {
        request: 'NECS-2026-00001',
        mail: 'NECS-2026-00001.v5',
      }),
    ).toBe('ses-1');
    const input = ses.commandCalls(SendEmailCommand)[2]?.args[0].input;
    expect(input).toMatchObject({
      FromEmailAddress: 'requests@necs.example',
      ConfigurationSetName: 'necs',
      Destination: { ToAddresses: ['karma@example.bt'], CcAddresses: ['archive@necs.example'] },
    });
    expect(input?.EmailTags).toEqual([
      { Name: 'request', Value: 'NECS-2026-00001' },
      { Name: 'mail', Value: 'NECS-2026-00001.v5' },
    ]);
  });

  it('gives up after bounded attempts, so the job returns to the queue', async () => {
    ses.on(SendEmailCommand).rejects(throttled());
    await expect(sesSender(new SESv2Client({ region: 'ap-south-1' }))(mail, {})).rejects.toBeInstanceOf(
      MailUnavailableError,
    );
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(5);
  }, 20_000);
});
