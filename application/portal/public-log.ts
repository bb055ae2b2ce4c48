import { disclosureMatches, publicDisclosureOf, type PublicDisclosure } from '../../domain/portal/public-disclosure.js';
import { fold, exists } from '../../domain/request/state.js';
import { subjectMatchesTopic } from '../../domain/website/topics.js';
import type { RequestEvent } from '../../events/request-events.js';
import type { EventStore } from '../event-store.js';
import type { ReadModels } from '../read-models.js';
import { requestStreamId } from '../request/commands.js';
import { loadPublishedTopics } from '../website/website-queries.js';

/** A disclosure with its files' download addresses. */
export type PublicDisclosureItem = Omit<PublicDisclosure, 'attachments'> & {
  readonly attachments: readonly {
    readonly filename: string;
    readonly sha256: string;
    readonly url: string;
    readonly contentType: string;
    readonly sizeBytes: number;
  }[];
};

const withUrls = (d: PublicDisclosure): PublicDisclosureItem => ({
  ...d,
  attachments: d.attachments.map((a) => ({ ...a, url: `/public/disclosures/${d.id}/attachments/${a.sha256}` })),
});

/** How many log entries a search reads at most: the portal's log is searched in memory, from the newest. */
const SEARCH_WINDOW = 1_000;

/**
 * A page of the public disclosure log, newest first. Without `q`, the page and one more item are read;
 * with it, the newest {@link SEARCH_WINDOW} entries are searched (enough for an agency's public log).
 */
export const disclosurePage = async (
  readModels: ReadModels,
  page: { q?: string; limit: number; cursor?: string },
): Promise<{ items: PublicDisclosureItem[]; nextCursor?: string }> => {
  const entries: { sk: string; disclosure: PublicDisclosure }[] = [];
  let before = page.cursor;
  const want = page.limit + 1;
  for (let read = 0; read < SEARCH_WINDOW && entries.length < want;) {
    const batch = await readModels.newestPage({
      log: 'public-disclosures',
      limit: page.q ? 100 : want - entries.length,
      ...(before ? { before } : {}),
    });
    read += batch.items.length;
    for (const item of batch.items) {
      before = String(item.sk);
      const d = item.disclosure as PublicDisclosure;
      if (!page.q || disclosureMatches(d, page.q)) entries.push({ sk: String(item.sk), disclosure: d });
    }
    if (!batch.more || batch.items.length === 0) break;
  }
  const shown = entries.slice(0, page.limit);
  const last = shown.at(-1);
  return {
    items: shown.map((e) => withUrls(e.disclosure)),
    ...(entries.length > page.limit && last ? { nextCursor: last.sk } : {}),
  };
};

/** One disclosure by reference, from the request's own events; undefined unless it is archived as publishable. */
export const disclosureById = async (store: EventStore, id: string): Promise<PublicDisclosureItem | undefined> => {
  const state = fold((await store.read(requestStreamId(id))).events.map((e) => e.event as RequestEvent));
  if (!exists(state)) return undefined;
  const d = publicDisclosureOf(state);
  return d ? withUrls(d) : undefined;
};

export interface Suggestion {
  readonly title: string;
  readonly url: string;
  readonly kind: 'published' | 'disclosure';
}

/**
 * What may already answer a question being written: pages published because people kept asking whose
 * topic the words cover, and released answers about the same words (at most five of each).
 */
export const suggestionsFor = async (readModels: ReadModels, q: string): Promise<Suggestion[]> => {
  const words = q.trim();
  if (words.length < 3) return [];
  const published = (await loadPublishedTopics(readModels))
    .filter((p) => subjectMatchesTopic(words, p.topic) || subjectMatchesTopic(p.topic, words))
    .slice(0, 5);
  const released = (await disclosurePage(readModels, { limit: 50 })).items
    .filter((d) => d.topics.some((t) => subjectMatchesTopic(words, t)) || disclosureMatches(d, words))
    .slice(0, 5);
  return [
    ...published.map((p) => ({ title: p.title, url: p.url, kind: 'published' as const })),
    ...released.map((d) => ({ title: d.subject, url: `/portal/disclosures/${d.id}`, kind: 'disclosure' as const })),
  ];
};
