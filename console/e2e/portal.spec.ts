import { expect, test, type Browser, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { callApi, expectAccessible, mailTo, screenshot, signIn } from './support.js';

/**
 * The requesters' portal, as a person on a phone uses it, with JavaScript on and off: ask → confirm from
 * the mailed link → follow the request → the officer answers → the requester downloads the file → the
 * answer appears in the public log without their name. Every portal page is checked with axe and at 390 px.
 */

const portalUrl = (path = '') => `${process.env.API_URL as string}/portal/${path.replace(/^\//, '')}`;
const readings = 'month,pm25\nJanuary,41\nFebruary,38\n';

/**
 * axe finds nothing serious, and at 390 px nothing scrolls sideways. Both run scripts in the page, so a
 * page seen without JavaScript is checked as served to a browser with it (the same HTML).
 */
const checkPage = async (page: Page, screen: string) => {
  if (withoutScripts.has(page)) return checkServedPage(page, screen);
  await expectAccessible(page, screen);
  const size = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth),
    `${screen} scrolls sideways at 390 px`,
  ).toBeLessThanOrEqual(390);
  if (size) await page.setViewportSize(size);
};

/** Pages of contexts with JavaScript off. */
const withoutScripts = new WeakSet<Page>();

/** Checks the page at the URL another page shows, in a context with JavaScript (GETs are safe to repeat). */
const checkServedPage = async (page: Page, screen: string) => {
  const browser = page.context().browser() as Browser;
  const context = await browser.newContext({ reducedMotion: 'reduce', viewport: { width: 1440, height: 900 } });
  const twin = await context.newPage();
  await twin.goto(page.url());
  await checkPage(twin, `${screen}, as served`);
  await context.close();
};

/** The officer's side, through the API: assign, the spokesperson's clearance, the answer with a file, archived as publishable. */
const answer = async (ref: string) => {
  expect(
    (await callApi('ict.officer', 'POST', `/requests/${ref}/assign`, { division: 'legal', assignee: 'legal.officer' }))
      .status,
  ).toBe(200);
  expect(
    (
      await callApi('spokesperson.legal', 'POST', `/requests/${ref}/consultations`, {
        with: 'spokesperson',
        person: 'spokesperson.legal',
        outcome: 'cleared',
      })
    ).status,
  ).toBe(200);
  const sent = await callApi('legal.officer', 'POST', `/requests/${ref}/response`, {
    body: 'The monthly readings are attached.',
    disposition: 'full',
    attachments: [
      {
        filename: 'pm25-thimphu.csv',
        contentType: 'text/csv',
        contentBase64: Buffer.from(readings).toString('base64'),
      },
    ],
  });
  expect(sent.status).toBe(200);
  expect(
    (await callApi('legal.officer', 'POST', `/requests/${ref}/archive`, { topics: ['air quality'], publishable: true }))
      .status,
  ).toBe(200);
};

const journey = async (browser: Browser, javaScriptEnabled: boolean) => {
  const context = await browser.newContext({
    javaScriptEnabled,
    viewport: { width: 1440, height: 900 },
    reducedMotion: 'reduce',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  if (!javaScriptEnabled) withoutScripts.add(page);
  const tag = javaScriptEnabled ? 'js' : 'nojs';
  const email = `tshering.${tag}@example.bt`;
  const subject = `PM2.5 readings in Thimphu (${tag})`;

  // Ask
  await page.goto(portalUrl());
  await expect(page.getByRole('heading', { name: 'Ask us for information' })).toBeVisible();
  await checkPage(page, `ask (${tag})`);
  if (javaScriptEnabled) await screenshot(page, 'portal-ask', true);
  // A form sent empty answers with its problems, linked to the fields.
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
  // The answer to a POST: checked where scripts run (a twin cannot GET it again).
  if (javaScriptEnabled) await checkPage(page, `ask with problems (${tag})`);
  if (javaScriptEnabled) await screenshot(page, 'portal-ask-errors', true);
  await page.getByRole('link', { name: 'Enter your name' }).click();
  await expect(page.getByLabel('Your name')).toBeFocused();
  await page.getByLabel('Your name').fill('Tshering Wangmo');
  await page.getByLabel('Your email address').fill(email);
  await page.getByLabel('What is your request about?').fill(subject);
  await page
    .getByLabel('Your request', { exact: true })
    .fill('The monthly PM2.5 readings for Thimphu in 2025, please.');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
  await checkPage(page, `check email (${tag})`);

  // Confirm from the mailed link
  const confirmation = await mailTo(
    (m) => m.destination.to.includes(email) && m.subject.startsWith('Confirm your request'),
  );
  const link = /https?:\/\/\S+\/portal\/confirm\/[A-Za-z0-9_-]+/.exec(confirmation.body.text ?? '')?.[0] as string;
  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'Send your request' })).toBeVisible();
  await checkPage(page, `confirm (${tag})`);
  if (javaScriptEnabled) await screenshot(page, 'portal-confirm', true);
  await page.getByRole('button', { name: 'Send my request' }).click();

  // Track
  await expect(page.getByText('Your request has been sent')).toBeVisible();
  const ref = /NECS-\d{4}-\d{5}/.exec(page.url())?.[0] as string;
  await expect(page.getByRole('heading', { name: `Your request ${ref}` })).toBeVisible();
  await expect(page.getByText('Received: we have your request')).toBeVisible();
  await expect(page.getByText('We answer within five working days')).toBeVisible();
  await checkPage(page, `track (${tag})`);
  if (javaScriptEnabled) {
    await page.getByText('How we count the days').click();
    await expect(page.getByText('Working day 5')).toBeVisible();
    await screenshot(page, 'portal-track-received', true);
  }
  const trackUrl = page.url().replace(/&notice=sent$/, '');
  const ack = await mailTo((m) => m.destination.to.includes(email) && m.subject.includes(`[${ref}]`));
  expect(ack.body.text).toContain(`/portal/track/${ref}?token=`);

  // The officer answers; the console shows the answer
  await answer(ref);
  const staff = await browser.newPage();
  await signIn(staff, 'legal.officer', `requests/${ref}`);
  await expect(
    staff
      .getByRole('link', { name: 'pm25-thimphu.csv' })
      .or(staff.getByRole('button', { name: /pm25-thimphu\.csv/ }))
      .first(),
  ).toBeVisible();
  await staff.close();

  // The requester sees the answer and downloads the file
  await page.goto(trackUrl);
  await expect(page.getByText('The monthly readings are attached.')).toBeVisible();
  await expect(page.getByText('Answered', { exact: true })).toBeVisible();
  await checkPage(page, `track answered (${tag})`);
  if (javaScriptEnabled) await screenshot(page, 'portal-track', true);
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: /Download pm25-thimphu\.csv/ }).click();
  const file = await downloading;
  expect(file.suggestedFilename()).toBe('pm25-thimphu.csv');
  expect(await readFile(await file.path(), 'utf8')).toBe(readings);

  // It appears in the public log without the requester's name
  await page.goto(portalUrl('disclosures'));
  await expect(page.getByRole('link', { name: subject })).toBeVisible({ timeout: 20_000 });
  await checkPage(page, `shared (${tag})`);
  if (javaScriptEnabled) await screenshot(page, 'portal-shared', true);
  await expect(page.locator('main')).not.toContainText('Tshering');
  await page.getByRole('link', { name: subject }).click();
  await expect(page.getByText('A member of the public')).toBeVisible();
  await expect(page.locator('main')).not.toContainText('Tshering');
  await checkPage(page, `shared answer (${tag})`);
  if (javaScriptEnabled) await screenshot(page, 'portal-shared-answer', true);

  // A wrong token is a 404 page
  const wrong = await page.goto(`${portalUrl(`track/${ref}`)}?token=${'0'.repeat(32)}`);
  expect(wrong?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await checkPage(page, `not found (${tag})`);
  await context.close();
  return ref;
};

test('a requester asks, confirms, follows and downloads the answer, with JavaScript on', async ({ browser }) => {
  await journey(browser, true);
});

test('a requester asks, confirms, follows and downloads the answer, with JavaScript off', async ({ browser }) => {
  await journey(browser, false);
});

test('a requester replies and withdraws from their page, without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, reducedMotion: 'reduce' });
  const page = await context.newPage();
  withoutScripts.add(page);
  const email = 'sonam.withdraw@example.bt';
  const asked = await fetch(`${process.env.API_URL as string}/public/requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      name: 'Sonam',
      email,
      subject: 'Waste collection schedule',
      body: 'When is waste collected in Babesa?',
    }),
  });
  expect(asked.status).toBe(202);
  const confirmation = await mailTo((m) => m.destination.to.includes(email));
  const token = /\/portal\/confirm\/([A-Za-z0-9_-]+)/.exec(confirmation.body.text ?? '')?.[1] as string;
  const confirmed = (await (
    await fetch(`${process.env.API_URL as string}/public/requests/confirm`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token }),
    })
  ).json()) as { trackUrl: string };
  await page.goto(confirmed.trackUrl);

  await page.getByLabel('Your message').fill('Also Changzamtog, please.');
  await page.getByRole('button', { name: 'Send message' }).click();
  await expect(page.getByText('Your message has been sent.')).toBeVisible();
  await expect(page.getByText('Also Changzamtog, please.')).toBeVisible();

  await page.getByRole('link', { name: 'Withdraw this request' }).click();
  await expect(page.getByRole('heading', { name: 'Withdraw your request?' })).toBeVisible();
  await checkPage(page, 'withdraw');
  await screenshot(page, 'portal-withdraw', true);
  await page.getByRole('button', { name: 'Withdraw my request' }).click();
  await expect(page.getByText('You have withdrawn this request.')).toBeVisible();
  await expect(page.getByText('Closed', { exact: false }).first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Send message' })).toHaveCount(0);
  await context.close();
});
