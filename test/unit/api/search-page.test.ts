import { describe, expect, it } from '@jest/globals';
import type { IndexPageInput } from '../../../application/read-models.js';
import { SEARCH_PROBE, searchPage } from '../../../functions/api/routes/request-list.js';
import { termsOf } from '../../../domain/views/search-terms.js';

/** 1,200 requests due one after another; every subject says "report", one in six "mining". */
const requests = Array.from({ length: 1_200 }, (_, i) => {
  const id = `NECS-2026-${String(i + 1).padStart(5, '0')}`;
  const view = {
    id,
    subject: `${i % 6 === 0 ? 'mining' : 'forest'} report ${i}`,
    requester: { name: 'R', kind: 'public' },
  };
  return { dueSk: `2026-01-01T00:00:00.000Z#${String(i).padStart(6, '0')}`, view };
});

/** The term index as DynamoDB would serve it: sorted by due key, `limit` items after `after`, each counted as read. */
const termIndex = {
  indexPage: async (input: IndexPageInput) => {
    const term = input.keyValue.slice('term#'.length);
    const all = requests.filter(
      (r) =>
        termsOf(r.view.id, r.view.requester.name, undefined, r.view.subject).includes(term) &&
        (!input.after || r.dueSk > input.after),
    );
    const items = all.slice(0, input.limit);
    return { items, itemsRead: items.length, more: all.length > items.length };
  },
};

describe('a search of several words', () => {
  it('walks the rarer word and checks the common one on the views, reading about a page', async () => {
    // Act
    const page = await searchPage(termIndex, ['report', 'mining'], { want: 51 });
    // Assess: the right requests, soonest due first; reads ≈ the page + one probe per other word
    expect(page.picked).toHaveLength(51);
    expect(page.picked.every((p) => p.view.subject.startsWith('mining report'))).toBe(true);
    expect(page.picked.map((p) => p.dueSk)).toEqual([...page.picked.map((p) => p.dueSk)].sort());
    expect(page.itemsRead).toBeLessThanOrEqual(51 + 2 * SEARCH_PROBE);
  });

  it('continues after the cursor, and finds nothing when no request holds every word', async () => {
    const first = await searchPage(termIndex, ['mining', 'report'], { want: 10 });
    const next = await searchPage(termIndex, ['mining', 'report'], { want: 10, after: first.picked.at(-1)?.dueSk });
    expect(next.picked[0]!.dueSk > first.picked.at(-1)!.dueSk).toBe(true);
    expect((await searchPage(termIndex, ['mining', 'forest'], { want: 10 })).picked).toEqual([]);
  });
});
