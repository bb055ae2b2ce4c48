import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// docs/layers.md: events ← domain ← application ← adapters ← functions, local, scripts, infra.
const ROOT = join(import.meta.dirname, '../../..');

const sourcesUnder = (dir: string): string[] =>
  readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(dir, f));

describe('the layers', () => {
  it('hold: no inner layer imports an outer one, and no module is in an import cycle', () => {
    // The same check as `npm run lint` (.dependency-cruiser.mjs); here so that a test run catches it too.
    const run = spawnSync('npm', ['run', '--silent', 'lint:layers'], { cwd: ROOT, encoding: 'utf8' });
    expect(run.stdout + run.stderr).toContain('no dependency violations found');
    expect(run.status).toBe(0);
  }, 60_000);

  it('keep the storage layout in the adapters: the domain and the use cases never name a key attribute', () => {
    // A DynamoDB key or index attribute written as an object property (`pk: …`, `statusPk: …`, `openDueSk: …`).
    const keyAttribute = /^\s*(pk|sk|[a-z]+Pk|[a-z]+Sk)\s*:/m;
    const offenders = [...sourcesUnder('domain'), ...sourcesUnder('application')].filter((file) =>
      keyAttribute.test(readFileSync(join(ROOT, file), 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});
