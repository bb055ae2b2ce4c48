import { describe, expect, it } from '@jest/globals';
import { allRoutes } from '../../../functions/api/all-routes.js';
import { loadRoute, ROUTE_TABLE } from '../../../functions/api/route-table.js';

const described = (r: { method: string; path: string; public?: boolean; summary?: string }) => ({
  route: `${r.method} ${r.path}`,
  public: r.public ?? false,
  summary: r.summary,
});

describe('the route table (what the router matches before any route module loads)', () => {
  it('lists every route the modules serve, in the same order, and nothing else', () => {
    expect(ROUTE_TABLE.map(([method, path]) => `${method} ${path}`)).toEqual(
      allRoutes.map((r) => `${r.method} ${r.path}`),
    );
  });

  it('loads, for each entry, the very route its module serves', async () => {
    for (const entry of ROUTE_TABLE) {
      const route = await loadRoute(entry);
      expect(described(route)).toEqual(
        described(allRoutes.find((r) => r.method === entry[0] && r.path === entry[1]) ?? { method: '?', path: '?' }),
      );
    }
  });

  it('refuses an entry its module does not serve, naming it', async () => {
    await expect(loadRoute(['GET', '/nowhere', 'calendar'])).rejects.toThrow(
      'route table: module calendar serves no GET /nowhere',
    );
  });
});
