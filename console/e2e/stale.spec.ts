import { expect, test } from '@playwright/test';
import { assignedRequest } from './scene.js';
import { signIn } from './support.js';

test('two people on one request: the one acting on a stale view is told someone else changed it, with the changes, and reloads', async ({
  browser,
}) => {
  const ref = await assignedRequest('Water quality of the Wang Chhu');
  const probe = await fetch(`${process.env.API_URL as string}/requests/${ref}`, {
    headers: { authorization: 'Bearer local:ict.officer' },
  });
  expect(probe.headers.get('etag')).toMatch(/^"\d+"$/);

  // Prepare: the intake officer and the legal chief both have the request open.
  const first = await (await browser.newContext()).newPage();
  await signIn(first, 'ict.officer', `requests/${ref}`);
  const second = await (await browser.newContext()).newPage();
  await signIn(second, 'legal.chief', `requests/${ref}`);
  await expect(second.getByRole('heading', { name: ref })).toBeVisible();

  // Act: the first reassigns it to PPD; the second, still looking at the old view, tries to extend it.
  await first.getByRole('button', { name: 'Assign' }).click();
  await first.getByRole('button', { name: 'Division' }).click();
  await first
    .getByRole('option', { name: /Policy and Planning/ })
    .first()
    .click();
  await first.getByRole('dialog').getByRole('button', { name: 'Assign' }).click();
  await expect(first.getByText('Assign: done.')).toBeVisible();
  await second.getByRole('button', { name: 'Add note' }).click();
  await second.getByLabel('Note', { exact: true }).fill('Chasing the lab results.');
  await second.getByRole('dialog').getByRole('button', { name: 'Add note' }).click();

  // Assess: a clear conflict with what changed; nothing was written; reload shows the new state.
  await expect(
    second.getByText('Someone else changed this request — reload to see their changes before you act.'),
  ).toBeVisible();
  await expect(second.getByText(/Division: Legal Division → Policy and Planning Division/)).toBeVisible();
  await second.getByRole('button', { name: 'Reload' }).click();
  await expect(second.getByText('Policy and Planning Division', { exact: true })).toBeVisible();
  await expect(second.getByRole('heading', { name: /^Note by/ })).toHaveCount(0);
});
