import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import nodemailer from 'nodemailer';
import { callApi, clockNow, expectAccessible, expectNoneSerious, moveClock, screenshot } from './support.js';

/** The widths every "day in the life" screen is judged at: a desktop and a phone. */
export const WIDE = { width: 1440, height: 900 };
export const NARROW = { width: 390, height: 844 };
export const PHONE = NARROW;

/**
 * Looks at the screen as the person would at 390 and at 1440 px: `check` (what must be seen, when given)
 * and axe at each width, then screenshots of both into docs/screenshots/ (`<name>.png`, `<name>-narrow.png`).
 * Leaves the page wide.
 */
export const atBothWidths = async (page: Page, name: string, check?: () => Promise<void>) => {
  await page.setViewportSize(NARROW);
  if (check) await check();
  await expectAccessibleOnPhone(page, `${name} (390 px)`);
  await page.setViewportSize(WIDE);
  if (check) await check();
  await expectAccessible(page, `${name} (1440 px)`);
  await screenshot(page, name, true);
};

/**
 * Axe at phone width, as `expectAccessible`, less one finding that is Cloudscape's own: its app layout's
 * mobile toolbar puts `aria-orientation` on a `<nav>` (app-layout/visual-refresh/mobile-toolbar.js), on
 * every screen. Only that exact finding is set aside; anything else on the page still fails.
 */
const expectAccessibleOnPhone = async (page: Page, screen: string) => {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const libraryNav = (html: string) => /^<nav\b[^>]*aria-orientation="horizontal"/.test(html);
  expectNoneSerious(
    screen,
    results.violations
      .map((v) => ({
        ...v,
        nodes: v.id === 'aria-allowed-attr' ? v.nodes.filter((n) => !libraryNav(n.html)) : v.nodes,
      }))
      .filter((v) => v.nodes.length > 0),
  );
};

/** Sends a mail to the intake address over SMTP, as a requester's mail client would. */
export const mailIn = async (mail: {
  from: string;
  subject: string;
  text?: string;
  html?: string;
  attachments?: { filename: string; content: string | Buffer; contentType?: string }[];
}) => {
  const smtp = nodemailer.createTransport({
    host: '127.0.0.1',
    port: Number(process.env.SMTP_PORT),
    secure: false,
    ignoreTLS: true,
  });
  await smtp.sendMail({ to: 'requests@necs.example', ...mail });
  smtp.close();
};

/** Waits until a request whose subject has `words` is registered (intake is asynchronous) and returns its reference. */
export const registered = async (words: string): Promise<string> => {
  let ref = '';
  await expect
    .poll(
      async () => {
        const found = await callApi<{ items: { id: string }[] }>(
          'ict.officer',
          'GET',
          `/requests?q=${encodeURIComponent(words)}`,
        );
        ref = found.body.items[0]?.id ?? '';
        return ref;
      },
      { timeout: 30_000 },
    )
    .not.toBe('');
  return ref;
};

/** The types of a request's events, from its history (what the API recorded, whatever the screen said). */
export const recorded = async (ref: string): Promise<string[]> =>
  (await callApi<{ events: { type: string }[] }>('auditor', 'GET', `/requests/${ref}/history`)).body.events.map(
    (e) => e.type,
  );

/** Whether an element lies wholly within the window's width (nothing key off-screen on a phone). */
export const expectOnScreen = async (page: Page, locator: ReturnType<Page['locator']>) => {
  const box = await locator.boundingBox();
  const width = page.viewportSize()?.width ?? 0;
  expect(box, 'the element is laid out').not.toBeNull();
  expect((box?.x ?? -1) >= 0 && (box?.x ?? 0) + (box?.width ?? 0) <= width + 1, `within the ${width} px window`).toBe(
    true,
  );
};

/** An instant `days` before the stack's clock: a request received then is already late, without moving the clock (which other specs share). */
export const daysAgo = async (days: number) => new Date(Date.parse(await clockNow()) - days * 86_400_000).toISOString();

/**
 * Makes the stack's day a working day in Thimphu (no weekend, no holiday of the agency calendar): digests
 * go out on working days only, and the day the suite runs must not decide whether they do. On a working
 * day the clock stays where it is; otherwise it moves to 11:00 of the next working day.
 */
export const ensureWorkingDay = async () => {
  const start = Date.parse(await clockNow());
  const holidays = new Set<string>();
  for (let n = 0; n < 30; n++) {
    // The date in Thimphu (UTC+06:00); 11:00 there is 05:00Z of that date.
    const date = new Date(start + n * 86_400_000 + 6 * 3_600_000).toISOString().slice(0, 10);
    const year = date.slice(0, 4);
    if (![...holidays].some((d) => d.startsWith(year))) {
      const list = await callApi<{ holidays: { date: string; region?: string }[] }>(
        'ict.officer',
        'GET',
        `/calendar/holidays?year=${year}`,
      );
      for (const h of list.body.holidays) if (!h.region) holidays.add(h.date);
      holidays.add(`${year}-00-00`);
    }
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    if (weekday === 0 || weekday === 6 || holidays.has(date)) continue;
    if (n === 0) return;
    await moveClock(`${date}T05:00:00.000Z`);
    return;
  }
  throw new Error('no working day within 30 days');
};
