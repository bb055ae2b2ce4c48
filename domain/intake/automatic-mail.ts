/** Why a mail looks machine-made, and how sure we are. */
export interface AutomaticSignal {
  /** Strong: a header or envelope says so. Weak: only the subject does (many real out-of-office replies). */
  readonly strength: 'strong' | 'weak';
  readonly kind: 'auto_reply' | 'bounce';
  readonly reason: string;
}

export interface MailHeaders {
  /** Lower-case header name → its values, as received. */
  readonly headers: ReadonlyMap<string, readonly string[]>;
  readonly fromAddress?: string;
  readonly subject: string;
  /** The top-level MIME type, e.g. `multipart/report`. */
  readonly contentType: string;
}

const first = (m: MailHeaders, name: string): string | undefined => m.headers.get(name)?.[0]?.trim();
const has = (m: MailHeaders, name: string): boolean => (m.headers.get(name)?.length ?? 0) > 0;
const localPart = (address: string | undefined): string =>
  (address ?? '').split('@')[0]?.toLowerCase().replace(/^</, '') ?? '';

/** Subjects of out-of-office replies in the languages an agency's correspondents write in. */
const AUTO_REPLY_SUBJECTS: readonly RegExp[] = [
  /^\s*(re:\s*)?(out of (the )?office|ooo\b)/i,
  /\bis out of the office\b/i,
  /^\s*(automatic|auto)[ -]?(reply|response|answer)\b/i,
  /^\s*autoreply\b/i,
  /^\s*auto:/i,
  /^\s*(abwesenheitsnotiz|automatische antwort)/i,
  /^\s*r[ée]ponse automatique/i,
  /^\s*(respuesta autom[áa]tica|fuera de la oficina)/i,
  /^\s*risposta automatica/i,
  /^\s*(automatisch antwoord|afwezig)/i,
  /^\s*resposta autom[áa]tica/i,
];
const BOUNCE_SUBJECTS: readonly RegExp[] = [
  /^\s*(mail delivery failed|undeliverable:|undelivered mail|delivery status notification|returned mail|failure notice)/i,
];

/**
 * Recognises auto-replies and bounces. Strong signals: RFC 3834 `Auto-Submitted` other than `no`,
 * `X-Autoreply`, `X-Autorespond`, `Precedence: bulk|junk|list|auto_reply`, Exchange's
 * `X-Auto-Response-Suppress` and `X-MS-Exchange-Generated-Message-Source`, `multipart/report`,
 * an empty `Return-Path: <>`, mail from MAILER-DAEMON or postmaster. Weak: the subject alone.
 */
export const detectAutomatic = (m: MailHeaders): AutomaticSignal | undefined => {
  const autoSubmitted = first(m, 'auto-submitted')?.split(';')[0]?.trim().toLowerCase();
  if (autoSubmitted && autoSubmitted !== 'no')
    return { strength: 'strong', kind: 'auto_reply', reason: `Auto-Submitted: ${autoSubmitted}` };
  if (m.contentType.toLowerCase() === 'multipart/report')
    return { strength: 'strong', kind: 'bounce', reason: 'a delivery-status report (multipart/report)' };
  const returnPath = m.headers.get('return-path');
  if (returnPath?.some((v) => /^<\s*>$/.test(v.trim())))
    return { strength: 'strong', kind: 'bounce', reason: 'empty Return-Path: <>' };
  const daemon = [m.fromAddress, ...(returnPath ?? [])].find((a) =>
    ['mailer-daemon', 'postmaster'].includes(localPart(a)),
  );
  if (daemon) return { strength: 'strong', kind: 'bounce', reason: `sent by ${localPart(daemon)}` };
  for (const header of [
    'x-autoreply',
    'x-autorespond',
    'x-auto-response-suppress',
    'x-ms-exchange-generated-message-source',
  ]) {
    if (has(m, header)) return { strength: 'strong', kind: 'auto_reply', reason: `${header} header` };
  }
  const precedence = first(m, 'precedence')?.toLowerCase();
  if (precedence && ['bulk', 'junk', 'list', 'auto_reply'].includes(precedence))
    return { strength: 'strong', kind: 'auto_reply', reason: `Precedence: ${precedence}` };
  if (/autoresponder/i.test(first(m, 'x-post-messageclass') ?? ''))
    return { strength: 'strong', kind: 'auto_reply', reason: 'X-POST-MessageClass: Autoresponder' };
  if (AUTO_REPLY_SUBJECTS.some((r) => r.test(m.subject)))
    return {
      strength: 'weak',
      kind: 'auto_reply',
      reason: `subject looks like an automatic reply: "${m.subject.slice(0, 80)}"`,
    };
  if (BOUNCE_SUBJECTS.some((r) => r.test(m.subject)))
    return {
      strength: 'weak',
      kind: 'bounce',
      reason: `subject looks like a delivery failure: "${m.subject.slice(0, 80)}"`,
    };
  return undefined;
};
