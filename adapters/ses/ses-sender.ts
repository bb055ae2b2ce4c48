import { SendEmailCommand, type SESv2Client } from '@aws-sdk/client-sesv2';
import MailComposer from 'nodemailer/lib/mail-composer';
import { MailUnavailableError, type MailSender, type OutgoingMail } from '../../application/outgoing-mail.js';
import { withRetries } from '../retry.js';

/** Raw MIME for a mail, built by nodemailer's MailComposer (encodings, attachments, headers). */
export const composeMime = (mail: OutgoingMail): Promise<Buffer> =>
  new MailComposer({
    from: { name: mail.from.name, address: mail.from.address },
    replyTo: mail.replyTo,
    to: [...mail.to],
    cc: [...mail.cc],
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    headers: { ...mail.headers },
    ...(mail.messageId ? { messageId: mail.messageId } : {}),
    attachments: mail.attachments.map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      content: Buffer.from(a.content),
    })),
  })
    .compile()
    .build();

/** SES tag values allow letters, digits, `_ - . @`. */
const tagValue = (v: string) => v.replace(/[^A-Za-z0-9_.@-]/g, '_').slice(0, 256);

/**
 * Sends through SES v2 as raw MIME, from the agency's verified identity, retrying throttling with
 * backoff. Returns SES's message id: replies carry `<id>@<region>.amazonses.com` in In-Reply-To.
 */
export const sesSender =
  (ses: SESv2Client, configurationSet?: string): MailSender =>
  async (mail, tags) => {
    const raw = await composeMime(mail);
    const out = await withRetries(
      'send mail',
      () =>
        ses.send(
          new SendEmailCommand({
            FromEmailAddress: mail.from.address,
            Destination: { ToAddresses: [...mail.to], CcAddresses: [...mail.cc] },
            Content: { Raw: { Data: raw } },
            EmailTags: Object.entries(tags).map(([Name, Value]) => ({ Name, Value: tagValue(Value) })),
            ...(configurationSet ? { ConfigurationSetName: configurationSet } : {}),
          }),
        ),
      { attempts: 5, baseDelayMs: 200 },
      (message, cause) => new MailUnavailableError(message, { cause }),
    );
    if (!out.MessageId) throw new Error('SES accepted the mail but returned no message id');
    return out.MessageId;
  };
