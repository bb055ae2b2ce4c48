/**
 * Builds the staff console into `console/dist` (Vite). With `--if-stale` it does nothing when the
 * build is newer than every source file, so `npm start` and the browser tests only pay for it once.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';

const consoleDir = join(import.meta.dirname, '..', '..', 'console');
const builtMarker = join(consoleDir, 'dist', 'index.html');

const newestSource = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce((newest, entry) => {
    if (entry.name === 'dist' || entry.name === 'node_modules') return newest;
    const path = join(dir, entry.name);
    return Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }, 0);

export const buildConsole = async (options: { ifStale?: boolean } = {}) => {
  if (options.ifStale && existsSync(builtMarker) && statSync(builtMarker).mtimeMs >= newestSource(consoleDir))
    return false;
  await build({ configFile: join(consoleDir, 'vite.config.ts'), logLevel: 'warn' });
  return true;
};

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/.*\/scripts\//, 'scripts/'))) {
  const built = await buildConsole({ ifStale: process.argv.includes('--if-stale') });
  process.stdout.write(built ? 'console built into console/dist\n' : 'console build is up to date\n');
}
