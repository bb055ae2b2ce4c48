import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { LocalStack } from '../../local/stack.js';
import { caller, startTestStack } from '../support/stack.js';

let stack: LocalStack;
let api: ReturnType<typeof caller>;

beforeAll(async () => {
  stack = await startTestStack();
  api = caller(stack);
}, 60_000);
afterAll(async () => stack.stop());

const receive = async (subject: string, name: string, receivedAt: string, email?: string) =>
  (
    await api('POST', '/requests', {
      as: 'ict.officer',
      body: {
        channel: 'letter',
        requester: { name, kind: 'public', ...(email ? { email } : {}) },
        subject,
        body: 'Please.',
        receivedAt,
      },
    })
  ).body.id as string;

describe('GET /requests: pages from the indexes, and search', () => {
  let ids: string[] = [];
  beforeAll(async () => {
    // Prepare: five requests received a day apart (so due a day apart), one in Dzongkha, one with diacritics
    ids = [
      await receive('Forest cover data for Bumthang', 'Sonam Wangmo', '2026-11-02T04:00:00Z', 'sonam@example.bt'),
      await receive('Air quality in Thimphu', 'Pélmo Dorji', '2026-11-03T04:00:00Z'),
      await receive('Forest fire records', 'Karma', '2026-11-04T04:00:00Z'),
      await receive('ནགས་ཚལ་ གི་ གནས་ཚུལ', 'Tashi', '2026-11-05T04:00:00Z'),
      await receive('Water quality, Paro', 'Dema', '2026-11-06T04:00:00Z'),
    ];
    await api('POST', `/requests/${ids[2]}/assign`, {
      as: 'ict.officer',
      body: { division: 'legal', assignee: 'legal.officer' },
    });
    await stack.settle();
  }, 120_000);

  it('walks every request soonest due first, two at a time, with no cursor on the last page', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const r = await api('GET', `/requests?limit=2${cursor ? `&cursor=${cursor}` : ''}`, { as: 'ict.head' });
      expect(r.status).toBe(200);
      seen.push(...(r.body.items as { id: string }[]).map((i) => i.id));
      cursor = r.body.nextCursor as string | undefined;
      pages += 1;
    } while (cursor && pages < 10);
    expect(seen.filter((id) => ids.includes(id))).toEqual(ids);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('filters by assignee=me, status and channel, and by received period', async () => {
    expect(
      ((await api('GET', '/requests?assignee=me', { as: 'legal.officer' })).body.items as { id: string }[]).map(
        (i) => i.id,
      ),
    ).toEqual([ids[2]]);
    const received = (
      await api('GET', '/requests?status=received&receivedFrom=2026-11-03T00:00:00Z&receivedTo=2026-11-05T00:00:00Z', {
        as: 'ict.head',
      })
    ).body.items as { id: string }[];
    expect(received.map((i) => i.id)).toEqual([ids[1]]);
    expect((await api('GET', '/requests?channel=phone', { as: 'ict.head' })).body.items as { id: string }[]).toEqual(
      [],
    );
  });

  it('finds by subject words in any case, by name without its diacritics, by email, by reference, and Dzongkha by its tsheg-split words', async () => {
    const find = async (q: string) =>
      (
        (await api('GET', `/requests?q=${encodeURIComponent(q)}`, { as: 'ict.head' })).body.items as { id: string }[]
      ).map((i) => i.id);
    expect(await find('FOREST')).toEqual([ids[0], ids[2]]);
    expect(await find('forest fire')).toEqual([ids[2]]);
    expect(await find('pelmo')).toEqual([ids[1]]);
    expect(await find('sonam@example.bt')).toEqual([ids[0]]);
    expect(await find(ids[4]!)).toEqual([ids[4]]);
    expect(await find('ཚལ')).toEqual([ids[3]]);
    expect(await find('quality nowhere')).toEqual([]);
  });

  it("open=true lists what is still on someone's desk, open=false what was archived or closed", async () => {
    // Prepare: one request closed as a duplicate
    expect(
      (await api('POST', `/requests/${ids[4]}/close`, { as: 'ict.officer', body: { reason: 'duplicate' } })).status,
    ).toBe(200);
    await stack.settle();
    // Act
    const open = (
      (await api('GET', '/requests?open=true&limit=200', { as: 'ict.head' })).body.items as { id: string }[]
    ).map((i) => i.id);
    const ended = (
      (await api('GET', '/requests?open=false&limit=200', { as: 'ict.head' })).body.items as { id: string }[]
    ).map((i) => i.id);
    // Assess
    expect(open.filter((id) => ids.includes(id))).toEqual(ids.slice(0, 4));
    expect(ended.filter((id) => ids.includes(id))).toEqual([ids[4]]);
    expect((await api('GET', '/requests?open=yes', { as: 'ict.head' })).status).toBe(400);
  });

  it('refuses a cursor it did not give and a limit out of range with a 400', async () => {
    expect((await api('GET', '/requests?cursor=bogus', { as: 'ict.head' })).status).toBe(400);
    expect((await api('GET', '/requests?limit=201', { as: 'ict.head' })).status).toBe(400);
  });
});
