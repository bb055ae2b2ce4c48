/**
 * Bench P8: the staff console's JavaScript for the first screen, gzipped (the entry chunk and every
 * chunk it imports statically, from Vite's manifest), and the time from "Sign in" to the work list
 * being visible in Chromium against a local stack (Playwright, navigation timing of the page load).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { buildConsole } from '../console/build.js';
import { chromiumLaunchOptions } from '../chromium.js';
import { startBenchStack } from './bench-stack.js';

import type { FigureLine as Line } from './figures.js';
interface Chunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  src?: string;
}

const dist = join(import.meta.dirname, '..', '..', 'console', 'dist');

/** KB gzipped of the JS a screen loads: its chunks and their static imports, each counted once. */
export const consoleJsKb = (roots: readonly string[]): number => {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8')) as Record<string, Chunk>;
  const seen = new Set<string>();
  const walk = (key: string) => {
    if (seen.has(key) || !manifest[key]) return;
    seen.add(key);
    for (const next of manifest[key].imports ?? []) walk(next);
  };
  for (const root of roots)
    walk(root === 'entry' ? (Object.keys(manifest).find((k) => manifest[k]?.isEntry) as string) : root);
  return [...seen].reduce(
    (kb, key) => kb + gzipSync(readFileSync(join(dist, (manifest[key] as Chunk).file)), { level: 9 }).length / 1024,
    0,
  );
};

export const benchConsole = async (dynamodbEndpoint: string, line: Line) => {
  await buildConsole({ ifStale: true });
  line('P8', 'console-first-screen-js-kb-gzip', consoleJsKb(['entry']), '<=', 300);
  const stack = await startBenchStack(dynamodbEndpoint, 'console');
  const browser = await chromium.launch(chromiumLaunchOptions).catch(() => undefined);
  try {
    if (!browser) return line('P8b', 'console-work-list-visible-ms', 'n/a', '<=', 1500);
    for (let i = 0; i < 20; i++) {
      await fetch(`${stack.apiUrl}/requests`, {
        method: 'POST',
        headers: { authorization: 'Bearer local:ict.officer', 'content-type': 'application/json' },
        body: JSON.stringify({
          channel: 'walk_in',
          requester: { name: `Bench ${i}`, kind: 'public' },
          subject: `Bench request ${i}`,
          body: 'x',
        }),
      });
    }
    await stack.settle();
    const times: number[] = [];
    for (let round = 0; round < 3; round++) {
      const page = await (await browser.newContext()).newPage();
      await page.goto(`${stack.apiUrl}/console/sign-in`);
      await page.getByRole('button', { name: /Person/ }).click();
      await page.getByRole('option', { name: /^ict\.officer\b/ }).click();
      const start = await page.evaluate(() => performance.now());
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page
        .getByRole('link', { name: /NECS-\d{4}-\d{5}/ })
        .first()
        .waitFor();
      times.push((await page.evaluate(() => performance.now())) - start);
      await page.context().close();
    }
    times.sort((a, b) => a - b);
    line('P8b', 'console-work-list-visible-ms', times[1] as number, '<=', 1500);
    process.stdout.write(
      `    (work list JS after sign-in, gzipped: ${consoleJsKb(['entry', 'src/commons/shell.tsx', 'src/pages/my-work/index.tsx']).toFixed(0)} KB)\n`,
    );
  } finally {
    await browser?.close();
    await stack.stop();
  }
};
