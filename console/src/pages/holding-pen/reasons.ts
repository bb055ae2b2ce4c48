import { strings } from '../../commons/strings';

const t = strings.holdingPen.reasons;

/** The reasons whose words need no request named. */
const plain: Readonly<Record<string, string>> = {
  unknown_reference: t.unknownReference,
  forged_reply_address: t.forgedReplyAddress,
  dmarc_fail: t.dmarcFail,
  possible_auto_reply: t.autoReply,
  possible_bounce: t.bounce,
  unreadable_sender: t.unreadableSender,
  too_large: t.tooLarge,
  too_many_from_sender: t.tooMany,
  request_refused: t.refused,
};

/** Why a mail is held, in words an intake officer acts on (the stored reason is a code). */
export const reasonInWords = (reason: string, candidate: string | null): string => {
  if (reason === 'sender_mismatch') return candidate ? t.senderMismatch(candidate) : t.senderMismatchNoRef;
  if (reason === 'request_closed') return candidate ? t.requestClosed(candidate) : t.requestClosedNoRef;
  if (reason === 'reply_to_staff_mail') return t.replyToStaffMail(candidate);
  return Object.hasOwn(plain, reason) ? (plain[reason] ?? t.other) : t.other;
};
