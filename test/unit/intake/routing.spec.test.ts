import { describe, expect, it } from '@jest/globals';
import { checkHeldMailAction, mailStatus } from '../../../domain/intake/held-mail.js';
import { routeMail, type CandidateRequest, type RoutingFacts } from '../../../domain/intake/routing.js';
import type { MailEvent } from '../../../events/intake-events.js';
import { DomainError } from '../../../domain/shared/errors.js';
import { as, system } from '../../support/agency.js';

// Where a mail to the agency goes: a new request, the request it answers, the holding pen for an intake
// officer, or nowhere (recorded as ignored). Nothing is dropped.

const KARMA = 'karma@example.bt';
const open: CandidateRequest = {
  requestId: 'NECS-2026-00001',
  exists: true,
  acceptsMessages: true,
  requesterAddresses: [KARMA],
};
const closed: CandidateRequest = { ...open, acceptsMessages: false };
const unknown: CandidateRequest = { ...open, requestId: 'NECS-2026-09999', exists: false };

const mail = (facts: Partial<RoutingFacts> = {}): RoutingFacts => ({
  fromAddress: KARMA,
  fromOurAddress: false,
  verdicts: {},
  ...facts,
});

describe('a mail with none of the signs of a reply', () => {
  it('starts a new request', () => {
    expect(routeMail(mail())).toEqual({ outcome: 'new_request', reason: 'a new mail to the intake address' });
  });

  it('is held when its sender cannot be read', () => {
    expect(routeMail(mail({ fromAddress: undefined }))).toEqual({
      outcome: 'hold',
      reason: 'unreadable_sender',
      detail: 'the From address could not be read',
    });
  });
});

describe('a mail the receiving service judged', () => {
  it('spam or a virus is ignored, whatever its case', () => {
    expect(routeMail(mail({ verdicts: { spam: 'fail' } }))).toEqual({
      outcome: 'ignore',
      reason: 'spam_fail',
      detail: 'SES spam verdict FAIL',
    });
    expect(routeMail(mail({ verdicts: { virus: 'FAIL', spam: 'PASS' } }))).toMatchObject({ reason: 'virus_fail' });
  });

  it('unauthenticated (DMARC fail) is held for an officer, not dropped', () => {
    expect(routeMail(mail({ verdicts: { dmarc: 'Fail' } }))).toEqual({
      outcome: 'hold',
      reason: 'dmarc_fail',
      detail: 'SES DMARC verdict FAIL: the From domain did not authenticate this mail',
    });
  });

  it('clean goes on to be routed', () => {
    expect(routeMail(mail({ verdicts: { spam: 'PASS', virus: 'PASS', dmarc: 'PASS' } })).outcome).toBe('new_request');
  });
});

describe('mail the desk must never answer', () => {
  it('from one of our own addresses is ignored', () => {
    expect(routeMail(mail({ fromOurAddress: true, fromAddress: 'desk@necs.bt' }))).toEqual({
      outcome: 'ignore',
      reason: 'own_address',
      detail: 'sent from our own address desk@necs.bt',
    });
  });

  it('that says in its headers it is an auto-reply is ignored', () => {
    const automatic = {
      strength: 'strong' as const,
      kind: 'auto_reply' as const,
      reason: 'Auto-Submitted: auto-replied',
    };
    expect(routeMail(mail({ automatic, threadedBy: open }))).toEqual({
      outcome: 'ignore',
      reason: 'auto_reply',
      detail: 'Auto-Submitted: auto-replied',
    });
  });

  it('that only looks like a bounce by its subject is held, with the request it seems to be about', () => {
    const automatic = { strength: 'weak' as const, kind: 'bounce' as const, reason: 'subject: Undeliverable' };
    expect(routeMail(mail({ automatic, threadedBy: open }))).toEqual({
      outcome: 'hold',
      reason: 'possible_bounce',
      detail: 'subject: Undeliverable',
      candidateRequestId: 'NECS-2026-00001',
    });
    expect(routeMail(mail({ automatic, subjectReference: unknown }))).toEqual({
      outcome: 'hold',
      reason: 'possible_bounce',
      detail: 'subject: Undeliverable',
    });
  });
});

describe('signs with nothing more to go on', () => {
  it('our own address unread is still ignored; a weak auto-reply sign with no request named is held alone', () => {
    expect(routeMail(mail({ fromOurAddress: true, fromAddress: undefined }))).toEqual({
      outcome: 'ignore',
      reason: 'own_address',
      detail: 'sent from our own address ',
    });
    const automatic = { strength: 'weak' as const, kind: 'auto_reply' as const, reason: 'subject: Out of office' };
    expect(routeMail(mail({ automatic }))).toEqual({
      outcome: 'hold',
      reason: 'possible_auto_reply',
      detail: 'subject: Out of office',
    });
  });
});

describe('a reply to mail the desk sent to staff (a view asked, a digest)', () => {
  it('is held, never taken as the requester’s correspondence, naming the request when it was about one', () => {
    const held = routeMail(mail({ repliesToStaffMail: { requestId: 'NECS-2026-00001' }, threadedBy: open }));
    expect(held).toMatchObject({
      outcome: 'hold',
      reason: 'reply_to_staff_mail',
      candidateRequestId: 'NECS-2026-00001',
    });
    expect(held.outcome === 'hold' && held.detail).toMatch(
      /^a reply to mail Request Desk sent to staff about NECS-2026-00001 /,
    );
    const digestReply = routeMail(mail({ repliesToStaffMail: {} }));
    expect(digestReply).not.toHaveProperty('candidateRequestId');
    expect(digestReply.outcome === 'hold' && digestReply.detail).toMatch(
      /^a reply to mail Request Desk sent to staff \(/,
    );
  });
});

describe('a mail to a request’s own reply address', () => {
  it('joins its request when the token is genuine', () => {
    expect(routeMail(mail({ replyAddress: { candidate: open, genuine: true } }))).toEqual({
      outcome: 'thread',
      requestId: 'NECS-2026-00001',
      reason: 'reply address',
    });
  });

  it('is held as forged when the token is not genuine, or names no request', () => {
    const forged = {
      outcome: 'hold',
      reason: 'forged_reply_address',
      detail: 'sent to a per-request address whose token is not genuine',
    };
    expect(routeMail(mail({ replyAddress: { candidate: open, genuine: false } }))).toEqual(forged);
    expect(routeMail(mail({ replyAddress: { genuine: true } }))).toEqual(forged);
  });

  it('is held when its request is closed or does not exist', () => {
    expect(routeMail(mail({ replyAddress: { candidate: closed, genuine: true } }))).toEqual({
      outcome: 'hold',
      reason: 'request_closed',
      detail: 'reply address names NECS-2026-00001, which is closed or archived',
      candidateRequestId: 'NECS-2026-00001',
    });
    expect(routeMail(mail({ replyAddress: { candidate: unknown, genuine: true } }))).toEqual({
      outcome: 'hold',
      reason: 'unknown_reference',
      detail: 'reply address names NECS-2026-09999, which does not exist',
    });
  });
});

describe('a mail threaded (In-Reply-To / References) on a request', () => {
  it('joins the request its thread names, from anyone, when the thread is mail we sent', () => {
    expect(routeMail(mail({ fromAddress: 'other@example.bt', threadedBy: open }))).toEqual({
      outcome: 'thread',
      requestId: 'NECS-2026-00001',
      reason: 'In-Reply-To/References',
    });
  });

  it('on the requester’s own mail joins it only from the requester (any case of their address)', () => {
    const threadedBy = { ...open, byRequesterMessage: true };
    expect(routeMail(mail({ fromAddress: 'Karma@Example.BT', threadedBy }))).toEqual({
      outcome: 'thread',
      requestId: 'NECS-2026-00001',
      reason: "In-Reply-To/References naming the requester's own mail",
    });
    expect(routeMail(mail({ fromAddress: 'other@example.bt', threadedBy }))).toEqual({
      outcome: 'hold',
      reason: 'sender_mismatch',
      detail: "In-Reply-To/References names a mail of NECS-2026-00001's requester, but the sender is not its requester",
      candidateRequestId: 'NECS-2026-00001',
    });
    expect(routeMail(mail({ fromAddress: undefined, threadedBy }))).toMatchObject({ reason: 'sender_mismatch' });
  });

  it('on the requester’s own mail of a request that no longer exists is held as unknown', () => {
    const threadedBy = { ...unknown, byRequesterMessage: true };
    expect(routeMail(mail({ fromAddress: 'other@example.bt', threadedBy }))).toMatchObject({
      outcome: 'hold',
      reason: 'unknown_reference',
    });
  });

  it('goes by its reply address first, then its thread, then its subject', () => {
    const other = { ...open, requestId: 'NECS-2026-00002' };
    expect(routeMail(mail({ replyAddress: { candidate: open, genuine: true }, threadedBy: other }))).toMatchObject({
      requestId: 'NECS-2026-00001',
    });
    expect(routeMail(mail({ threadedBy: other, subjectReference: open }))).toMatchObject({
      requestId: 'NECS-2026-00002',
    });
  });
});

describe('a mail naming a request in its subject ([NECS-2026-00001])', () => {
  it('joins it when the requester sent it', () => {
    expect(routeMail(mail({ subjectReference: open }))).toEqual({
      outcome: 'thread',
      requestId: 'NECS-2026-00001',
      reason: 'subject reference from the requester',
    });
  });

  it('is held when someone else sent it, or the request does not exist', () => {
    expect(routeMail(mail({ fromAddress: 'other@example.bt', subjectReference: open }))).toEqual({
      outcome: 'hold',
      reason: 'sender_mismatch',
      detail: 'the subject names NECS-2026-00001, but the sender is not its requester',
      candidateRequestId: 'NECS-2026-00001',
    });
    expect(routeMail(mail({ subjectReference: unknown }))).toEqual({
      outcome: 'hold',
      reason: 'unknown_reference',
      detail: 'subject names NECS-2026-09999, which does not exist',
    });
  });
});

describe('a mail in the holding pen', () => {
  const at = (type: MailEvent['type']) => ({ type }) as MailEvent;

  it('stands where its last event left it', () => {
    expect(mailStatus([])).toBe('none');
    expect(mailStatus([at('MailReceived')])).toBe('received');
    expect(mailStatus([at('MailReceived'), at('MailRouted')])).toBe('routed');
    expect(mailStatus([at('MailReceived'), at('MailIgnored')])).toBe('ignored');
    expect(mailStatus([at('MailReceived'), at('MailHeld')])).toBe('held');
    expect(mailStatus([at('MailHeld'), at('HeldMailAttached')])).toBe('attached');
    expect(mailStatus([at('MailHeld'), at('HeldMailPromoted')])).toBe('promoted');
    expect(mailStatus([at('MailHeld'), at('HeldMailDiscarded')])).toBe('discarded');
  });

  it('may be attached, promoted or discarded by an intake officer while it is held', () => {
    expect(checkHeldMailAction(as('ict.officer'), 'held', 'attach')).toBeUndefined();
  });

  it('may not be touched by anyone else, nor by the system', () => {
    for (const actor of [as('legal.officer'), system('intake')]) {
      const error = checkHeldMailAction(actor, 'held', 'discard');
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: 'FORBIDDEN', message: 'only an intake officer may discard held mail' });
    }
  });

  it('is refused when there is no such mail, or it is no longer held', () => {
    expect(checkHeldMailAction(as('ict.officer'), 'none', 'promote')).toMatchObject({
      code: 'REQUEST_NOT_FOUND',
      message: 'no such mail in the holding pen',
    });
    expect(checkHeldMailAction(as('ict.officer'), 'promoted', 'attach')).toMatchObject({
      code: 'INVALID_TRANSITION',
      message: 'cannot attach: this mail is promoted, not held',
      details: { status: 'promoted' },
    });
  });
});
