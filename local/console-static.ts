import { existsSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { LoadedAgency } from '../config/load.js';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ico': 'image/x-icon',
};

/** One person the local sign-in page offers. */
export interface LocalSignInPerson {
  readonly id: string;
  readonly name: string;
  readonly roles: readonly string[];
  readonly division?: string | null;
}

/** Where the local sign-in list comes from: the directory as it stands now (people are run-time data). */
export type LocalPeople = () => Promise<{
  people: readonly LocalSignInPerson[];
  divisions: readonly { id: string; name: string }[];
}>;

/**
 * The console's runtime settings on the local stack: same-origin API, local sign-in with the agency's people.
 * With `current`, people and divisions are the directory's at the moment of asking, so someone added or
 * appointed a minute ago can sign in at once; without it, the seed configuration's.
 */
export const localConsoleConfig = async (agency: LoadedAgency, current?: LocalPeople) => {
  const now = current ? await current() : undefined;
  return {
    apiBase: '',
    agencyName: agency.config.agency.name,
    timeZone: agency.config.calendar.timeZone,
    divisions:
      now?.divisions.map((d) => ({ id: d.id, name: d.name })) ??
      agency.config.divisions.map((d) => ({ id: d.id, name: d.name })),
    auth: {
      kind: 'local',
      people:
        now?.people.map((p) => ({ id: p.id, name: p.name, roles: p.roles, division: p.division ?? null })) ??
        agency.config.users.map((u) => ({ id: u.id, name: u.name, roles: u.roles, division: u.division ?? null })),
    },
  };
};

/**
 * Serves the built staff console (`console/dist`) under `/console/`, with the SPA fallback (any path
 * that is not a file gets `index.html`, so deep links work on reload). Returns false for other paths.
 */
export const consoleStatic = (distDir: string, agency: LoadedAgency, current?: LocalPeople) => {
  // Files are gzipped once and kept (the build is immutable while the stack runs; a rebuild changes names).
  const gzipped = new Map<string, Buffer>();
  const gzipOf = (file: string) => {
    let zipped = gzipped.get(file);
    if (!zipped) gzipped.set(file, (zipped = gzipSync(readFileSync(file))));
    return zipped;
  };
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const path = (req.url ?? '/').split('?')[0] as string;
    if (path === '/console') {
      res.writeHead(301, { location: '/console/' });
      res.end();
      return true;
    }
    if (!path.startsWith('/console/') || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
    if (path === '/console/config.json') {
      // Read per request (not once at start): the directory changes while the stack runs.
      localConsoleConfig(agency, current).then(
        (body) => {
          res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
          res.end(JSON.stringify(body));
        },
        () => {
          res.writeHead(503, { 'content-type': 'application/json', 'cache-control': 'no-store' });
          res.end(
            JSON.stringify({ error: { code: 'DIRECTORY_UNAVAILABLE', message: 'the directory could not be read' } }),
          );
        },
      );
      return true;
    }
    let relative: string;
    try {
      relative = normalize(decodeURIComponent(path.slice('/console/'.length)));
    } catch {
      relative = '';
    }
    const file = join(distDir, relative);
    const inside = file.startsWith(distDir + sep) && !relative.startsWith('..');
    const isFile = inside && existsSync(file) && statSync(file).isFile();
    const index = join(distDir, 'index.html');
    if (!isFile && !existsSync(index)) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('The console is not built: run `npm run console:build`.\n');
      return true;
    }
    // A missing asset is a 404; any other path is a route of the single-page app.
    if (!isFile && relative.startsWith('assets')) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('not found\n');
      return true;
    }
    const served = isFile ? file : index;
    const gzip =
      /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? '')) &&
      /\.(js|css|html|svg|json)$/.test(served) &&
      served !== index;
    res.writeHead(200, {
      ...(gzip ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}),
      'content-type': types[extname(served)] ?? 'application/octet-stream',
      // Hashed assets never change; index.html must be revalidated so a new build is picked up.
      'cache-control': served.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
    });
    res.end(req.method === 'HEAD' ? undefined : gzip ? gzipOf(served) : readFileSync(served));
    return true;
  };
};
