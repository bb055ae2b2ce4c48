/**
 * Bench P11: the requesters' portal's first page (`/portal/`), everything it loads included (the HTML,
 * its style sheet and its script), as total bytes transferred gzipped — what a phone on a slow network
 * pays. Measured in Chromium (playwright-core) against a local stack: every response the page load
 * brings is taken as the browser received it and counted gzipped (CloudFront compresses on AWS; the
 * local server does not), with its response headers.
 */
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../chromium.js';
import { startBenchStack } from './bench-stack.js';

import type { FigureLine as Line } from './figures.js';

/** KB transferred for one page load: each response's headers plus its body gzipped. */
export const portalFirstPageKb = async (url: string): Promise<number | undefined> => {
  const browser = await chromium.launch(chromiumLaunchOptions).catch(() => undefined);
  if (!browser) return undefined;
  try {
    const page = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
    const sizes: Promise<number>[] = [];
    page.on('response', (response) => {
      sizes.push(
        (async () => {
          const headers = (await response.headersArray()).reduce((n, h) => n + h.name.length + h.value.length + 4, 0);
          const body = await response.body().catch(() => Buffer.alloc(0));
          return headers + gzipSync(body, { level: 6 }).length;
        })(),
      );
    });
    await page.goto(url, { waitUntil: 'networkidle' });
    const bytes = (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
    return bytes / 1024;
  } finally {
    await browser.close();
  }
};

export const benchPortal = async (dynamodbEndpoint: string, line: Line) => {
  const stack = await startBenchStack(dynamodbEndpoint, 'portal', { background: false });
  try {
    const kb = await portalFirstPageKb(`${stack.apiUrl}/portal/`);
    line('P11', 'portal-first-page-kb-gzip', kb ?? 'n/a', '<=', 60);
  } finally {
    await stack.stop();
  }
};
