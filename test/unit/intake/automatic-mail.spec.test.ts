import { describe, expect, it } from '@jest/globals';
import { detectAutomatic } from '../../../domain/intake/automatic-mail.js';
import {
  isStaffMessageId,
  messageIdsReferenced,
  normalizeMessageId,
  ourMessageId,
  ourMessageIdParts,
  referenceFromOurMessageId,
  referencesInSubject,
  sesMessageIdOf,
  staffMessageId,
} from '../../../domain/intake/references.js';

// Intake never answers an auto-reply or a bounce: it must recognise them, and tell a sure sign (a header)
// from a mere look (the subject), which an officer then decides on.

const received = (
  headers: Record<string, string[]> = {},
  more: { subject?: string; from?: string; type?: string } = {},
) =>
  detectAutomatic({
    headers: new Map(Object.entries(headers)),
    fromAddress: more.from ?? 'karma@example.bt',
    subject: more.subject ?? 'Air quality data',
    contentType: more.type ?? 'text/plain',
  });

describe('a mail that says in its headers it was sent automatically', () => {
  it('is an auto-reply by Auto-Submitted (anything but no), ignoring its parameters and case', () => {
    expect(received({ 'auto-submitted': [' Auto-Replied; owner=x '] })).toEqual({
      strength: 'strong',
      kind: 'auto_reply',
      reason: 'Auto-Submitted: auto-replied',
    });
    expect(received({ 'auto-submitted': ['no'] })).toBeUndefined();
    expect(received({ 'auto-submitted': ['No'] })).toBeUndefined();
  });

  it('is a bounce when it is a delivery-status report', () => {
    expect(received({}, { type: 'Multipart/Report' })).toEqual({
      strength: 'strong',
      kind: 'bounce',
      reason: 'a delivery-status report (multipart/report)',
    });
  });

  it('is a bounce with an empty Return-Path, spaces or not', () => {
    expect(received({ 'return-path': ['<karma@example.bt>', ' < > '] })).toEqual({
      strength: 'strong',
      kind: 'bounce',
      reason: 'empty Return-Path: <>',
    });
    expect(received({ 'return-path': ['<karma@example.bt>'] })).toBeUndefined();
  });

  it('is a bounce from MAILER-DAEMON or postmaster, in From or Return-Path', () => {
    expect(received({}, { from: 'MAILER-DAEMON@mx.example.bt' })).toEqual({
      strength: 'strong',
      kind: 'bounce',
      reason: 'sent by mailer-daemon',
    });
    expect(received({ 'return-path': ['<postmaster@example.bt>'] })).toMatchObject({ reason: 'sent by postmaster' });
    expect(received({}, { from: 'postmasters@example.bt' })).toBeUndefined();
  });

  it('is an auto-reply by X-Autoreply, X-Autorespond, or Exchange’s own headers', () => {
    for (const header of [
      'x-autoreply',
      'x-autorespond',
      'x-auto-response-suppress',
      'x-ms-exchange-generated-message-source',
    ]) {
      expect(received({ [header]: ['yes'] })).toEqual({
        strength: 'strong',
        kind: 'auto_reply',
        reason: `${header} header`,
      });
    }
    expect(received({ 'x-autoreply': [] })).toBeUndefined();
  });

  it('is an auto-reply by Precedence bulk, junk, list or auto_reply, not by another precedence', () => {
    for (const p of ['bulk', 'Junk', 'list', 'auto_reply']) {
      expect(received({ precedence: [p] })).toEqual({
        strength: 'strong',
        kind: 'auto_reply',
        reason: `Precedence: ${p.toLowerCase()}`,
      });
    }
    expect(received({ precedence: ['first-class'] })).toBeUndefined();
  });

  it('is an auto-reply by X-POST-MessageClass: Autoresponder', () => {
    expect(received({ 'x-post-messageclass': ['9; Autoresponder'] })).toEqual({
      strength: 'strong',
      kind: 'auto_reply',
      reason: 'X-POST-MessageClass: Autoresponder',
    });
    expect(received({ 'x-post-messageclass': ['9; Mail'] })).toBeUndefined();
  });
});

describe('a mail that only looks automatic by its subject', () => {
  it('may be an out-of-office reply, in the languages correspondents write in', () => {
    for (const subject of [
      'Out of Office: Air quality data',
      'RE: out of the office',
      'OOO until Monday',
      'Karma is out of the office',
      'Automatic reply: Air quality',
      'Auto-Response',
      'Autoreply',
      'AUTO: away',
      'Abwesenheitsnotiz',
      'Réponse automatique',
      'Respuesta automática',
      'Fuera de la oficina',
      'Risposta automatica',
      'Afwezig',
      'Resposta automática',
    ]) {
      expect(received({}, { subject })).toEqual({
        strength: 'weak',
        kind: 'auto_reply',
        reason: `subject looks like an automatic reply: "${subject}"`,
      });
    }
  });

  it('may be a delivery failure', () => {
    for (const subject of ['Mail delivery failed: returning message', 'Undeliverable: Air quality', 'Failure notice']) {
      expect(received({}, { subject })).toEqual({
        strength: 'weak',
        kind: 'bounce',
        reason: `subject looks like a delivery failure: "${subject}"`,
      });
    }
  });

  it('is quoted in the reason to at most 80 characters', () => {
    const subject = `Out of office ${'x'.repeat(100)}`;
    expect(received({}, { subject })?.reason).toBe(`subject looks like an automatic reply: "${subject.slice(0, 80)}"`);
  });

  it('is not automatic when the words are only mentioned further on', () => {
    expect(received({}, { subject: 'Question about automatic replies' })).toBeUndefined();
    expect(received({}, { subject: 'Why was my mail undeliverable?' })).toBeUndefined();
  });
});

describe('the references a mail gives', () => {
  it('in its subject are the agency’s [REF]s, upper case, in order, each once', () => {
    expect(
      referencesInSubject(
        'Re: [necs-2026-00002] and [ NECS-2026-00001 ] again [NECS-2026-00002] [MOE-2026-00003]',
        'NECS',
      ),
    ).toEqual(['NECS-2026-00002', 'NECS-2026-00001']);
    expect(referencesInSubject('NECS-2026-00001 without brackets', 'NECS')).toEqual([]);
  });

  it('in In-Reply-To and References are the Message-IDs, newest first, compared without brackets or case', () => {
    expect(messageIdsReferenced('<C@x.bt>', ['<A@x.bt> <B@x.bt>', '<b@X.bt>'])).toEqual(['c@x.bt', 'b@x.bt', 'a@x.bt']);
    expect(messageIdsReferenced(undefined, ['not-an-id', 'bare@x.bt'])).toEqual(['bare@x.bt']);
    expect(normalizeMessageId('  <Abc@Host>  ')).toBe('abc@host');
  });

  it('through SES name the SES message id', () => {
    expect(sesMessageIdOf('0100018c-abc@eu-west-1.amazonses.com')).toBe('0100018c-abc');
    expect(sesMessageIdOf('0100018c-abc@example.com')).toBeUndefined();
  });
});

describe('the Message-ID of a mail the desk sends', () => {
  const id = ourMessageId('NECS-2026-00001.v3', 'necs.bt', 'secret');

  it('names the request and mail, with a token only the desk can make', () => {
    expect(id).toMatch(/^<NECS-2026-00001\.v3\.[0-9a-f]{16}@necs\.bt>$/);
    expect(ourMessageIdParts(normalizeMessageId(id), 'NECS.bt', 'secret')).toEqual({
      reference: 'NECS-2026-00001',
      mailId: 'NECS-2026-00001.v3',
    });
  });

  it('is not ours with another secret, another domain, or a changed token', () => {
    const normalized = normalizeMessageId(id);
    expect(ourMessageIdParts(normalized, 'necs.bt', 'other')).toBeUndefined();
    expect(ourMessageIdParts(normalized, 'moe.bt', 'secret')).toBeUndefined();
    const forged = normalized.replace(
      /\.([0-9a-f])([0-9a-f]{15})@/,
      (_m, a: string, rest: string) => `.${a === '0' ? '1' : '0'}${rest}@`,
    );
    expect(ourMessageIdParts(forged, 'necs.bt', 'secret')).toBeUndefined();
    expect(ourMessageIdParts('not-ours@necs.bt', 'necs.bt', 'secret')).toBeUndefined();
  });
});

describe('mail the desk sends to staff about no request (digests, notices, reports)', () => {
  it('has a Message-ID of its own kind, known again in a reply, for our domain only', () => {
    expect(staffMessageId('Digest 2026-11-23/ppd.chief', 'necs.bt')).toBe(
      '<staff.digest-2026-11-23-ppd.chief@necs.bt>',
    );
    const id = normalizeMessageId(staffMessageId('digest', 'necs.bt'));
    expect(isStaffMessageId(id, 'NECS.bt')).toBe(true);
    expect(isStaffMessageId(id, 'moe.bt')).toBe(false);
    expect(isStaffMessageId('x.staff.digest@necs.bt', 'necs.bt')).toBe(false);
    expect(isStaffMessageId('staff.@necs.bt', 'necs.bt')).toBe(false);
    expect(isStaffMessageId('staff.digest@necs.bt.evil', 'necs.bt')).toBe(false);
  });

  it('a request’s reference is read from our own Message-ID only when its token is genuine', () => {
    const id = normalizeMessageId(ourMessageId('NECS-2026-00001.v12', 'necs.bt', 'secret'));
    expect(referenceFromOurMessageId(id, 'necs.bt', 'secret')).toBe('NECS-2026-00001');
    expect(ourMessageIdParts(id, 'necs.bt', 'secret')?.mailId).toBe('NECS-2026-00001.v12');
    expect(referenceFromOurMessageId(id, 'necs.bt', 'other')).toBeUndefined();
    expect(referenceFromOurMessageId(`x${id}`, 'necs.bt', 'secret')).toBeUndefined();
    expect(referenceFromOurMessageId(`${id}.evil`, 'necs.bt', 'secret')).toBeUndefined();
    expect(referenceFromOurMessageId(id.replace(/\.([0-9a-f]{16})@/, '.$1a@'), 'necs.bt', 'secret')).toBeUndefined();
  });

  it('SES message ids are read only from a whole SES Message-ID', () => {
    expect(sesMessageIdOf('a@b@eu-west-1.amazonses.com')).toBeUndefined();
    expect(sesMessageIdOf('abc@eu-west-1.amazonses.com.evil')).toBeUndefined();
  });

  it('Message-IDs lose only their outer brackets', () => {
    expect(normalizeMessageId('<a<b@x>')).toBe('a<b@x');
    expect(normalizeMessageId('<a>b@x>')).toBe('a>b@x');
    expect(normalizeMessageId('< a@x >')).toBe('a@x');
    expect(messageIdsReferenced(undefined, ['<a@x.bt>'])).toEqual(['a@x.bt']);
  });
});

describe('signs in details', () => {
  it('a mailer daemon is known with its address in brackets, and an absent sender is not one', () => {
    expect(received({}, { from: '<postmaster@example.bt>' })).toMatchObject({ reason: 'sent by postmaster' });
    expect(detectAutomatic({ headers: new Map(), subject: 'Hello', contentType: 'text/plain' })).toBeUndefined();
  });

  it('a Return-Path with an address is not empty, one with text after <> neither', () => {
    expect(received({ 'return-path': ['<> x'] })).toBeUndefined();
    expect(received({ 'return-path': ['x <>'] })).toBeUndefined();
    expect(received({ 'return-path': ['<  >'] })).toMatchObject({ reason: 'empty Return-Path: <>' });
  });

  it('a header is read from its first value, trimmed, and a header without a value says nothing', () => {
    expect(received({ precedence: [' bulk '] })).toMatchObject({ reason: 'Precedence: bulk' });
    expect(received({ precedence: [] })).toBeUndefined();
    expect(received({}, { from: 'post<master@example.bt' })).toBeUndefined();
  });

  it('Auto-Submitted is read from its first value, trimmed', () => {
    expect(received({ 'auto-submitted': ['no ; x'] })).toBeUndefined();
    expect(received({ 'auto-submitted': ['  no  '] })).toBeUndefined();
  });

  it('a bounce subject is quoted to at most 80 characters', () => {
    const subject = `Undeliverable: ${'x'.repeat(100)}`;
    expect(received({}, { subject })?.reason).toBe(`subject looks like a delivery failure: "${subject.slice(0, 80)}"`);
  });
});
