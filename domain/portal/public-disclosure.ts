import type { Request } from '../request/state.js';

/** A response as anyone may read it in the public log; never the requester's name or address. */
export interface PublicDisclosure {
  readonly id: string;
  readonly subject: string;
  readonly respondedAt: string;
  readonly division: string;
  readonly disposition: 'full' | 'partial' | 'refused';
  readonly requesterKind: 'public' | 'agency';
  /** Only for an agency requester: the organization that asked. */
  readonly organization?: string;
  readonly topics: readonly string[];
  readonly attachments: readonly {
    readonly filename: string;
    readonly sha256: string;
    readonly contentType: string;
    readonly sizeBytes: number;
  }[];
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The subject with the requester's name and address taken out, should they have written them into it. */
const withoutRequester = (subject: string, r: Request['requester']): string =>
  [r.name, r.email]
    .filter((s): s is string => typeof s === 'string' && s.trim().length > 1)
    .reduce((text, s) => text.replace(new RegExp(escapeRegExp(s.trim()), 'gi'), '[name withheld]'), subject);

/**
 * The public log's entry of a request, once it is archived as publishable and was answered with a
 * response; undefined otherwise. A member of the public is never named; an agency is named by its organization.
 */
export const publicDisclosureOf = (s: Request): PublicDisclosure | undefined => {
  const first = s.responses[0];
  const last = s.responses.at(-1);
  if (!s.archived?.publishable || !first || !last) return undefined;
  const agency = s.requester.kind === 'agency' && s.requester.organization;
  return {
    id: s.id,
    subject: withoutRequester(s.subject, s.requester),
    respondedAt: first.sentAt,
    division: s.division ?? 'unassigned',
    disposition: last.disposition,
    requesterKind: s.requester.kind,
    ...(agency ? { organization: s.requester.organization } : {}),
    topics: s.archived.topics,
    attachments: s.responses.flatMap((r) =>
      r.attachments.map((a) => ({
        filename: a.filename,
        sha256: a.sha256,
        contentType: a.contentType,
        sizeBytes: a.sizeBytes,
      })),
    ),
  };
};

/** Whether a disclosure is about every word of a search (subject, topics, division, organization). */
export const disclosureMatches = (d: PublicDisclosure, q: string): boolean => {
  const haystack = [d.subject, d.id, d.division, d.organization ?? '', ...d.topics].join(' ').toLowerCase();
  return q
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .every((w) => haystack.includes(w));
};
