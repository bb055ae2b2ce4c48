import { strings } from '../../commons/strings';

const t = strings.holdingPen.reasons;

/** Why a mail is held, in words an intake officer acts on (the stored reason is a code). */
export const reasonInWords = (reason: string, candidate: string | null): string => {
  switch (reason) {
    case 'sender_mismatch':
      return candidate ? t.senderMismatch(candidate) : t.senderMismatchNoRef;
    case 'request_closed':
      return candidate ? t.requestClosed(candidate) : t.requestClosedNoRef;
    case 'unknown_reference':
      return t.unknownReference;
    case 'forged_reply_address':
      return t.forgedReplyAddress;
    case 'dmarc_fail':
      return t.dmarcFail;
    case 'possible_auto_reply':
      return t.autoReply;
    case 'possible_bounce':
      return t.bounce;
    case 'unreadable_sender':
      return t.unreadableSender;
    case 'too_large':
      return t.tooLarge;
    case 'reply_to_staff_mail':
      return t.replyToStaffMail(candidate);
    case 'too_many_from_sender':
      return t.tooMany;
    case 'request_refused':
      return t.refused;
    default:
      return t.other;
  }
};
