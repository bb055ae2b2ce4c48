/** A mail as the agency sends it; the adapter turns it into MIME and hands it to SES. */
export interface OutgoingMail {
  readonly from: { readonly name: string; readonly address: string };
  readonly replyTo: string;
  readonly to: readonly string[];
  readonly cc: readonly string[];
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly attachments: readonly {
    readonly filename: string;
    readonly contentType: string;
    readonly content: Uint8Array;
  }[];
  readonly headers: Readonly<Record<string, string>>;
  /** Our Message-ID; SES on AWS replaces it with its own, which `MailSent` records. */
  readonly messageId?: string;
}

/** Sends a mail and returns SES's message id; `tags` come back on delivery and bounce notifications. */
export type MailSender = (mail: OutgoingMail, tags: Readonly<Record<string, string>>) => Promise<string>;

/** SES would not take the mail after bounded retries (throttling); the job is retried later. */
export class MailUnavailableError extends Error {
  override readonly name = 'MailUnavailableError';
}
