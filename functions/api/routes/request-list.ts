import * as z from 'zod';
import { listIndex, type ListIndexKey } from '../../../adapters/dynamodb/read-items.js';
import { FINISHED_STATUSES, REQUEST_STATUSES } from '../../../domain/request/statuses.js';
import type { IndexPageInput, ReadModels } from '../../../application/read-models.js';
import { queryTerms, termsOf } from '../../../domain/views/search-terms.js';
import type { RequestView } from '../../../domain/views/request-view.js';
import { Channel, Instant } from '../../../events/primitives.js';
import { HttpError } from '../errors.js';

/** The query of `GET /requests`. */
export const listQuery = z.strictObject({
  status: z.enum(REQUEST_STATUSES).optional(),
  division: z.string().min(1).max(64).optional(),
  sla: z.enum(['on_track', 'at_risk', 'breached', 'met']).optional(),
  assignee: z.literal('me').optional().meta({ description: '`me`: the requests the caller holds' }),
  channel: Channel.optional(),
  receivedFrom: Instant.optional().meta({ description: 'Received at or after this instant' }),
  receivedTo: Instant.optional().meta({ description: 'Received before this instant' }),
  open: z.enum(['true', 'false']).optional().meta({
    description:
      "`true`: only requests still on someone's desk (neither archived nor closed); `false`: only archived or closed ones",
  }),
  q: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .meta({ description: 'Words of the reference, requester name or email, or subject; all must match' }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional().meta({ description: '`nextCursor` of the previous page' }),
});
export type ListQuery = z.infer<typeof listQuery>;

/** The cursor is opaque to clients: the due key of the last request shown. */
export const encodeCursor = (dueSk: string): string =>
  Buffer.from(JSON.stringify({ v: 1, after: dueSk })).toString('base64url');
export const decodeCursor = (cursor: string): string => {
  try {
    const parsed = z
      .object({ v: z.literal(1), after: z.string().min(1).max(300) })
      .parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return parsed.after;
  } catch {
    throw new HttpError(400, 'INVALID_INPUT', 'cursor: pass the nextCursor of a previous page unchanged');
  }
};

/** The index serving a query's most selective filter; the other filters apply to what it reads. */
export const indexFor = (q: ListQuery, userId: string): ListIndexKey => {
  if (q.assignee === 'me') return listIndex.assignee(userId);
  if (q.division) return listIndex.division(q.division);
  if (q.status) return listIndex.status(q.status);
  if (q.channel) return listIndex.channel(q.channel);
  return listIndex.all();
};

/** The filters no index serves, as a DynamoDB filter on the item's view. */
export const filterFor = (q: ListQuery, userId: string, served: string): IndexPageInput['filter'] => {
  const clauses: string[] = [];
  const names: Record<string, string> = { '#view': 'view' };
  const values: Record<string, unknown> = {};
  const equal = (field: string, value: string) => {
    names[`#${field}`] = field;
    values[`:${field}`] = value;
    clauses.push(`#view.#${field} = :${field}`);
  };
  if (q.assignee === 'me' && served !== 'assigneeByDue') equal('assignee', userId);
  if (q.division && served !== 'divisionByDue') equal('division', q.division === 'unassigned' ? '' : q.division);
  if (q.status && served !== 'statusByDue') equal('status', q.status);
  if (q.channel && served !== 'channelByDue') equal('channel', q.channel);
  // A work list wants what is still open: not yet at the end of its life (archived or closed).
  if (q.open) {
    names['#status'] = 'status';
    const finished = FINISHED_STATUSES.map((status) => {
      values[`:${status}`] = status;
      return `:${status}`;
    });
    clauses.push(`${q.open === 'true' ? 'NOT ' : ''}(#view.#status IN (${finished.join(', ')}))`);
  }
  if (q.receivedFrom || q.receivedTo) names['#receivedAt'] = 'receivedAt';
  if (q.receivedFrom) {
    values[':from'] = q.receivedFrom;
    clauses.push('#view.#receivedAt >= :from');
  }
  if (q.receivedTo) {
    values[':to'] = q.receivedTo;
    clauses.push('#view.#receivedAt < :to');
  }
  // An unassigned request's view holds division null; the index keys it as `division#unassigned`.
  if (values[':division'] === '') {
    delete values[':division'];
    clauses.splice(clauses.indexOf('#view.#division = :division'), 1, 'attribute_type(#view.#division, :null)');
    values[':null'] = 'NULL';
  }
  return clauses.length ? { expression: clauses.join(' AND '), names, values } : undefined;
};

/** Search terms of `q`, at most eight (a search needs every one). */
export const searchTermsOf = (q: string): string[] => {
  const terms = queryTerms(q);
  if (terms.length === 0) throw new HttpError(400, 'INVALID_INPUT', 'q: at least one word');
  if (terms.length > 8) throw new HttpError(400, 'INVALID_INPUT', 'q: at most eight words');
  return terms;
};

export type ListedView = RequestView & { readonly dueSk?: string };

/** How many items each term's index is probed for, to find the rarest, when a search has several words. */
export const SEARCH_PROBE = 8;

/** Whether a request (its view, as copied on the term items) holds every term: checked in memory, no read. */
const holdsAll = (view: RequestView, terms: readonly string[]): boolean => {
  const own = new Set(termsOf(view.id, view.requester.name, view.requester.email, view.subject));
  return terms.every((t) => own.has(t));
};

/**
 * A page of `q` search: up to `want` requests holding every term, soonest due first, after `after`.
 * With several words each term's index is probed for a few items side by side; the rarest is walked —
 * one exhausted with the fewest items, else the one whose probe reaches furthest in due order (the
 * sparsest) — continuing from its probe; the other terms are checked on the view each term item carries,
 * without reads. Items read ≈ the page + `SEARCH_PROBE` per other word, whatever the history holds.
 */
export const searchPage = async (
  readModels: Pick<ReadModels, 'indexPage'>,
  terms: readonly string[],
  page: { readonly want: number; readonly after?: string | undefined; readonly filter?: IndexPageInput['filter'] },
): Promise<{ picked: { view: RequestView; dueSk: string }[]; itemsRead: number }> => {
  const read = (term: string, limit: number, after: string | undefined) =>
    readModels.indexPage({
      ...listIndex.term(term),
      limit,
      ...(after ? { after } : {}),
      ...(page.filter ? { filter: page.filter } : {}),
    });
  const probeLimit = terms.length === 1 ? page.want : Math.min(page.want, SEARCH_PROBE);
  const probes = await Promise.all(terms.map((term) => read(term, probeLimit, page.after)));
  let itemsRead = probes.reduce((n, p) => n + p.itemsRead, 0);
  const lastDue = (p: (typeof probes)[number]) => String(p.items.at(-1)?.dueSk ?? '');
  const rarer = (a: (typeof probes)[number], b: (typeof probes)[number]) =>
    !a.more && (b.more || a.items.length < b.items.length) ? true : a.more && b.more ? lastDue(a) > lastDue(b) : false;
  const rarest = probes.reduce((best, p, i) => (rarer(p, probes[best]!) ? i : best), 0);
  const term = terms[rarest]!;
  const picked: { view: RequestView; dueSk: string }[] = [];
  let current = probes[rarest]!;
  let position = page.after;
  for (;;) {
    for (const c of current.items) {
      const view = c.view as RequestView;
      position = String(c.dueSk);
      if (picked.length < page.want && holdsAll(view, terms)) picked.push({ view, dueSk: position });
    }
    if (picked.length >= page.want || !current.more || current.items.length === 0) break;
    current = await read(term, page.want - picked.length, position);
    itemsRead += current.itemsRead;
  }
  return { picked, itemsRead };
};
