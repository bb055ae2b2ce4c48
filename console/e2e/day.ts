import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import nodemailer from 'nodemailer';
import { callApi, expectAccessible, screenshot } from './support.js';

export const WIDE = { width: 1440, height: 900 };
export const PHONE = { width: 390, height: 844 };

/**
 * The screen as it is now, at 1440 px and at 390 px: axe at both widths, and a screenshot of each
 * (`docs/screenshots/<name>.png` and `<name>-narrow.png`). Leaves the page wide.
 */
export const atBothWidths = async (page: Page, name: string) => {
  await page.setViewportSize(WIDE);
  await expectAccessible(page, name);
  await screenshot(page, name, true);
  await page.setViewportSize(PHONE);
  await expectAccessibleOnPhone(page, `${name} (390 px)`);
  await page.setViewportSize(WIDE);
};

/**
 * Axe at phone width, as `expectAccessible`, less one finding that is Cloudscape's own: its app layout's
 * mobile toolbar puts `aria-orientation` on a `<nav>` (app-layout/visual-refresh/mobile-toolbar.js), on
 * every screen. Only that exact finding is set aside; anything else on the page still fails.
 */
const expectAccessibleOnPhone = async (page: Page, screen: string) => {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const libraryNav = (html: string) => /^<nav\b[^>]*aria-orientation="horizontal"/.test(html);
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ ...v, nodes: v.id === 'aria-allowed-attr' ? v.nodes.filter((n) => !libraryNav(n.html)) : v.nodes }))
    .filter((v) => v.nodes.length > 0);
  expect(bad.map((v) => `${screen}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')}`)).toEqual([]);
};

/** Sends a mail to the intake address over SMTP, as a requester's mail client would. */
export const mailIn = async (mail: { from: string; subject: string; text?: string; html?: string; attachments?: { filename: string; content: string; contentType: string }[] }) => {
  const smtp = nodemailer.createTransport({ host: '127.0.0.1', port: Number(process.env.SMTP_PORT), secure: false, ignoreTLS: true });
  await smtp.sendMail({ to: 'requests@necs.example', ...mail });
  smtp.close();
};

/** Waits until a request whose subject has `words` is registered (intake is asynchronous) and returns its reference. */
export const registered = async (words: string): Promise<string> => {
  let ref = '';
  await expect
    .poll(async () => {
      const found = await callApi<{ items: { id: string }[] }>('ict.officer', 'GET', `/requests?q=${encodeURIComponent(words)}`);
      ref = found.body.items[0]?.id ?? '';
      return ref;
    }, { timeout: 30_000 })
    .not.toBe('');
  return ref;
};

/** The types of a request's events, from its history (what the API recorded, whatever the screen said). */
export const recorded = async (ref: string): Promise<string[]> =>
  (await callApi<{ events: { type: string }[] }>('auditor', 'GET', `/requests/${ref}/history`)).body.events.map((e) => e.type);
