import { HttpError } from './errors.js';
import type { Route } from './types.js';

interface CompiledRoute {
  readonly route: Route;
  readonly pattern: RegExp;
  readonly names: readonly string[];
}

/** Matches method and path to a route, with `{name}` segments as parameters. */
export class Router {
  private readonly compiled: readonly CompiledRoute[];

  constructor(routes: readonly Route[]) {
    this.compiled = routes.map((route) => {
      const names: string[] = [];
      const source = route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
        names.push(name);
        return '([^/]+)';
      });
      return { route, pattern: new RegExp(`^${source}/?$`), names };
    });
  }

  /** The route and its parameters; 404 for an unknown path, 405 for a known path with another method. */
  match(method: string, path: string): { route: Route; params: Record<string, string> } {
    const candidates = this.compiled.flatMap((c) => {
      const m = c.pattern.exec(path);
      return m ? [{ c, m }] : [];
    });
    if (candidates.length === 0) throw new HttpError(404, 'NOT_FOUND', `no route ${path}`);
    const hit = candidates.find(({ c }) => c.route.method === method);
    if (!hit) throw new HttpError(405, 'METHOD_NOT_ALLOWED', `${method} is not allowed on ${path}`);
    const params = Object.fromEntries(hit.c.names.map((n, i) => [n, decodeURIComponent(hit.m[i + 1] as string)]));
    return { route: hit.c.route, params };
  }

  routes(): readonly Route[] {
    return this.compiled.map((c) => c.route);
  }
}
