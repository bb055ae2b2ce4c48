import type { MailEvent, MailEventOf } from '../../events/intake-events.js';
import { mailStatus } from '../intake/held-mail.js';

/**
 * A mail that was ever held, as intake officers see it in the holding pen (`GET /holding-pen`, and a
 * mail's page); none for mail placed or ignored at once.
 */
export const heldMailView = (events: readonly MailEvent[]) => {
  const received = events.find((e): e is MailEventOf<'MailReceived'> => e.type === 'MailReceived');
  const held = events.find((e): e is MailEventOf<'MailHeld'> => e.type === 'MailHeld');
  if (!received || !held) return undefined;
  const resolution = events.find(
    (e) => e.type === 'HeldMailAttached' || e.type === 'HeldMailPromoted' || e.type === 'HeldMailDiscarded',
  );
  const d = received.data;
  return {
    id: d.mailId,
    status: mailStatus(events),
    receivedAt: d.receivedAt,
    from: d.from ?? null,
    fromName: d.fromName ?? null,
    fromHeader: d.fromHeader ?? null,
    subject: d.subject,
    reason: held.data.reason,
    detail: held.data.detail,
    candidateRequestId: held.data.candidateRequestId ?? null,
    attachments: d.attachments.map((a) => ({ filename: a.filename, sizeBytes: a.sizeBytes, sha256: a.sha256 })),
    quarantined: d.quarantined.map((a) => ({ filename: a.filename, reason: a.reason })),
    resolution: resolution
      ? {
          type: resolution.type,
          at: resolution.occurredAt,
          ...('requestId' in resolution.data ? { requestId: resolution.data.requestId } : {}),
        }
      : null,
  };
};
export type HeldMailView = NonNullable<ReturnType<typeof heldMailView>>;
