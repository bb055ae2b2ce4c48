import { expect, test } from '@playwright/test';
import { assignedRequest } from './scene.js';
import { clockNow, expectAccessible, listed, moveClock, scanUntilBreached, screenshot, signIn } from './support.js';

test('a division chief sees a breach first, in their own queue, once the clock has moved past the due date', async ({
  page,
}) => {
  // Prepare: one request in Legal, then ten days pass and the breach scan runs.
  const ref = await assignedRequest('Forest cover maps for Paro');
  const onTime = await assignedRequest('Waste management plan for Paro');
  await moveClock(new Date(Date.parse(await clockNow()) + 10 * 86_400_000).toISOString());
  // A request received today is on track: it must come after the breached one.
  const fresh = await assignedRequest('Noise complaints register');
  await scanUntilBreached([ref, onTime]);
  await listed(fresh, `q=${fresh}&division=legal`);

  // Act: the Legal chief opens the requests list.
  await signIn(page, 'legal.chief', 'requests');

  // Assess: Legal's queue (from the URL-less default), breaches first, and the fresh one after them.
  await expect(page.getByRole('button', { name: /^Division/ })).toContainText(/legal/i);
  const rows = page.getByRole('row');
  await expect(rows.nth(1)).toContainText('Breached');
  await expect(page.getByRole('row', { name: new RegExp(fresh) })).toContainText('On track');
  const order = await rows.allInnerTexts();
  expect(order.findIndex((r) => r.includes(fresh))).toBeGreaterThan(order.findIndex((r) => r.includes(ref)));
  await expectAccessible(page, 'requests');
  await screenshot(page, 'requests', true);

  // The SLA filter is kept in the URL and survives a reload.
  await page.getByRole('button', { name: /SLA/ }).click();
  await page.getByRole('option', { name: 'Breached' }).click();
  await expect(page).toHaveURL(/sla=breached/);
  await page.reload();
  await expect(page.getByRole('row', { name: new RegExp(fresh) })).toHaveCount(0);
  await expect(page.getByRole('row', { name: new RegExp(ref) })).toContainText('Breached');

  // The request's page shows the breach and why the due date is what it is.
  await page.getByRole('link', { name: ref }).click();
  // The request's own page, not the list still on screen while its code loads.
  await expect(page.getByRole('heading', { level: 1, name: ref })).toBeVisible();
  await expect(page.getByText('Breached').first()).toBeVisible();
  // The due date in the overview opens how it was counted (the header repeats the date as plain text).
  await page
    .getByRole('button', { name: /\d{1,2} \w{3} \d{4}, 17:00/ })
    .first()
    .click();
  await expect(page.getByRole('dialog').getByText('How the due date was counted')).toBeVisible();
  await expect(page.getByRole('dialog').getByText(/Working day 5/)).toBeVisible();
});
