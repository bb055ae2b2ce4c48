import { createHash } from 'node:crypto';
import type { LoadedAgency } from '../../domain/agency/loaded-agency.js';
import { confirmationMail } from '../../domain/portal/mails.js';
import { CONFIRMATION_VALID_DAYS, isConfirmable } from '../../domain/portal/submission-rules.js';
import type { PortalConfirmationJob } from '../mail-jobs.js';
import type { MailSender } from '../outgoing-mail.js';
import type { SubmissionStore } from './submission-store.js';

/** What the mailer needs to send a portal confirmation. */
export interface ConfirmationMailDeps {
  readonly submissions: SubmissionStore;
  readonly send: MailSender;
  readonly agency: LoadedAgency;
  /** The portal's address as people open it, e.g. `https://necs.example/portal`. */
  readonly baseUrl: string;
  readonly now: () => Date;
}

/** `sent`, or why nothing was sent: the link no longer works (expired, confirmed, or never existed). */
export type ConfirmationMailResult = 'sent' | 'not_pending';

/** The key a submission is kept under: the token's SHA-256 (the token itself is only in the mail). */
export const submissionKeyOf = (token: string): string => createHash('sha256').update(token).digest('hex');

/**
 * Sends the mail whose link confirms a portal submission, to the address it was asked from. Nothing is sent
 * for a submission that is gone, already confirmed or past its 7 days: the link would not work. A repeated
 * job (the queue delivers at least once) sends the same link again, which is harmless.
 */
export const sendConfirmationMail = async (
  deps: ConfirmationMailDeps,
  job: PortalConfirmationJob,
): Promise<ConfirmationMailResult> => {
  const stored = await deps.submissions.get(submissionKeyOf(job.token));
  if (!stored || !('pending' in stored)) return 'not_pending';
  const submission = stored.pending;
  if (!isConfirmable(submission.submittedAt, deps.now().toISOString())) return 'not_pending';
  const { name, intakeAddress } = deps.agency.config.agency;
  const mail = confirmationMail({
    agencyName: name,
    requesterName: submission.name,
    subject: submission.subject,
    confirmUrl: `${deps.baseUrl.replace(/\/portal\/?$/, '')}/portal/confirm/${job.token}`,
    validDays: CONFIRMATION_VALID_DAYS,
  });
  await deps.send(
    {
      from: { name, address: intakeAddress },
      replyTo: intakeAddress,
      to: [submission.email],
      cc: [],
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      attachments: [],
      headers: { 'Auto-Submitted': 'auto-generated' },
    },
    { purpose: 'portal_confirmation' },
  );
  return 'sent';
};
