import MailComposer from 'nodemailer/lib/mail-composer';

export interface MimeSpec {
  from: string;
  to: string | string[];
  subject: string;
  text?: string;
  html?: string;
  replyTo?: string;
  inReplyTo?: string;
  references?: string | string[];
  messageId?: string;
  headers?: Record<string, string>;
  attachments?: { filename: string; content: string | Buffer; contentType?: string; cid?: string }[];
  date?: Date;
}

/** A raw RFC 5322 message as a mail client would write it (nodemailer's composer). */
export const mime = (spec: MimeSpec): Promise<Buffer> =>
  new MailComposer({
    from: spec.from,
    to: spec.to,
    subject: spec.subject,
    ...(spec.text !== undefined ? { text: spec.text } : {}),
    ...(spec.html !== undefined ? { html: spec.html } : {}),
    ...(spec.replyTo ? { replyTo: spec.replyTo } : {}),
    ...(spec.inReplyTo ? { inReplyTo: spec.inReplyTo } : {}),
    ...(spec.references ? { references: spec.references } : {}),
    messageId: spec.messageId ?? `<${Math.random().toString(36).slice(2)}@mail.example.bt>`,
    ...(spec.headers ? { headers: spec.headers } : {}),
    ...(spec.attachments ? { attachments: spec.attachments } : {}),
    date: spec.date ?? new Date('2026-11-23T04:00:00Z'),
  })
    .compile()
    .build();
