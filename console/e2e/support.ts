import { AxeBuilder } from '@axe-core/playwright';
import { expect, type BrowserContext, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const consoleUrl = (path = '') => `${process.env.CONSOLE_URL as string}${path.replace(/^\//, '')}`;

/** Calls the API as a user (for setting the scene; the flows under test go through the console). */
export const callApi = async <T = Record<string, unknown>>(
  user: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T }> => {
  const res = await fetch(`${process.env.API_URL as string}${path}`, {
    method,
    headers: { authorization: `Bearer local:${user}`, 'content-type': 'application/json' },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : {}) as T };
};

export interface SentMail {
  destination: { to: string[]; cc: string[] };
  subject: string;
  body: { text?: string; html?: string };
  attachments: { filename?: string; contentType: string; size: number }[];
}

/** Every mail in the local SES outbox. */
export const outbox = async (): Promise<SentMail[]> =>
  ((await (await fetch(`${process.env.SES_URL as string}/store`)).json()) as { emails: SentMail[] }).emails;

/** Waits until a mail matching `match` is in the outbox (the mailer sends asynchronously). */
export const mailTo = async (match: (m: SentMail) => boolean): Promise<SentMail> => {
  let found: SentMail | undefined;
  await expect.poll(async () => (found = (await outbox()).find(match)) !== undefined, { timeout: 20_000 }).toBe(true);
  return found as SentMail;
};

export const clockNow = async () =>
  ((await (await fetch(`${process.env.API_URL as string}/_local/clock`)).json()) as { now: string }).now;
export const moveClock = async (to: string) => {
  const res = await fetch(`${process.env.API_URL as string}/_local/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ now: to }),
  });
  expect(res.status).toBe(200);
};

/**
 * Runs the breach scan until it reports every one of `ids` as breached. The scan reads the open-by-due
 * projection, which the stack's stream poller fills a moment after a command is accepted; repeating the scan
 * is safe (each flag is appended once per due date).
 */
export const scanUntilBreached = async (ids: readonly string[]) => {
  await expect
    .poll(async () => (await callApi<{ breached: string[] }>('ict.head', 'POST', '/sla/scan')).body.breached, {
      timeout: 20_000,
    })
    .toEqual(expect.arrayContaining([...ids]));
};

/**
 * Waits until the API's request list (a projection, filled a moment after each command) holds `id` for
 * `query` as `user` sees it, so a list screen opened next shows it.
 */
export const listed = async (id: string, query = `q=${id}`, user = 'ict.officer') => {
  await expect
    .poll(
      async () =>
        (await callApi<{ items: { id: string }[] }>(user, 'GET', `/requests?limit=200&${query}`)).body.items.some(
          (r) => r.id === id,
        ),
      { timeout: 20_000 },
    )
    .toBe(true);
};

/** Signs in through the local sign-in page by choosing the person. */
const clocked = new WeakSet<BrowserContext>();

/**
 * The browser reads the stack's clock, not the machine's: the stack starts at an instant the tests chose
 * (global setup), and what the console computes from "today" (this month's report, this year's holidays)
 * must agree with it. Installed once per browser context; time then flows at real speed.
 */
export const useStackClock = async (page: Page) => {
  const context = page.context();
  if (clocked.has(context)) return;
  clocked.add(context);
  await context.clock.install({ time: new Date(await clockNow()) });
};

export const signIn = async (page: Page, user: string, path = '') => {
  await useStackClock(page);
  await page.goto(consoleUrl(path));
  await expect(page.getByRole('heading', { name: /Sign in/ })).toBeVisible();
  await page.getByRole('button', { name: /Person/ }).click();
  await page.getByRole('option', { name: new RegExp(`^${user.replace('.', '\\.')}\\b`) }).click();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: new RegExp(user.replace('.', '\\.')) }).first()).toBeVisible();
};

/** Axe on the current screen: no serious or critical violations. */
export const expectAccessible = async (page: Page, screen: string) => {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expectNoneSerious(screen, results.violations);
};

/** Fails, naming each, on axe findings of serious or critical impact (the first three places of each). */
export const expectNoneSerious = (
  screen: string,
  violations: Awaited<ReturnType<AxeBuilder['analyze']>>['violations'],
) =>
  expect(
    violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${screen}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 3)
            .join('; ')}`,
      ),
  ).toEqual([]);

const shots = join(import.meta.dirname, '..', '..', 'docs', 'screenshots');

/** Saves a screenshot for the README (wide, and narrow when asked). */
export const screenshot = async (page: Page, name: string, narrow = false) => {
  mkdirSync(shots, { recursive: true });
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: join(shots, `${name}.png`) });
  if (narrow) {
    const size = page.viewportSize();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: join(shots, `${name}-narrow.png`) });
    if (size) await page.setViewportSize(size);
  }
};
