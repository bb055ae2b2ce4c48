/**
 * The route key API Gateway (HTTP API) picks for a request, given the routes it has: an exact path first,
 * then the most specific path with variables, then a greedy `{proxy+}` (the longest first), else `$default`.
 * The infra tests check with it which requests pass without the authorizer.
 */
export const matchRouteKey = (method: string, path: string, keys: readonly string[]): string => {
  const candidates = keys
    .filter((k) => k !== '$default')
    .map((k) => {
      const [m, p] = k.split(' ') as [string, string];
      const pattern = new RegExp(`^${p.replace(/\{[^}]+\+\}/g, '.+').replace(/\{[^}]+\}/g, '[^/]+')}$`);
      const rank = p.includes('+}') ? 2 : p.includes('{') ? 1 : 0;
      return { k, m, pattern, rank, length: p.length };
    })
    .filter((c) => (c.m === method || c.m === 'ANY') && c.pattern.test(path))
    .sort((a, b) => a.rank - b.rank || b.length - a.length);
  return candidates[0]?.k ?? '$default';
};
