import { expect, test, type Locator } from '@playwright/test';
import { clockNow, consoleUrl, expectAccessible, signIn } from './support.js';
import { realMs } from '../../test/support/clock.js';

/** A calendar date `days` after the stack's "now", as the DatePicker takes it (YYYY/MM/DD). */
const dayAfter = (now: string, days: number) =>
  new Date(Date.parse(now) + days * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '/');

/** Picks an option of a Cloudscape Select (or Multiselect) inside `scope`. */
const choose = async (scope: Locator, label: string, option: RegExp) => {
  await scope.getByRole('button', { name: label }).click();
  await scope.getByRole('option', { name: option }).click();
};

test('an admin adds and appoints a person, who signs in at once and records their own leave with a delegate', async ({
  page,
  browser,
}) => {
  // Prepare: a new person id for this run (the stack outlives a retried test).
  const id = `forest.officer${realMs().toString(36).slice(-4)}`;
  await signIn(page, 'ict.head', 'people');
  await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();
  await expect(page.getByRole('row', { name: /ppd\.chief/ })).toBeVisible();

  // Act 1: the admin adds them, first with an id the API would refuse (the form says why, nothing is sent).
  await page.getByRole('button', { name: 'Add person' }).click();
  const add = page.getByRole('dialog');
  await add.getByLabel('User id').fill('Forest Officer');
  await add.getByLabel('Name').fill('Karma Wangmo');
  await add.getByLabel('Email').fill(`${id}@necs.example`);
  await choose(add, 'Roles', /^Division officer/);
  await add.getByRole('button', { name: 'Add person' }).click();
  await expect(add.getByText(/Lowercase letters, digits/)).toBeVisible();
  await expect(add.getByText(/These roles act for a division/).first()).toBeVisible();
  await add.getByLabel('User id').fill(id);
  await choose(add, 'Division', /^Policy and Planning|ppd/);
  await add.getByRole('button', { name: 'Add person' }).click();
  await expect(page.getByText(`${id} was added and can sign in now.`)).toBeVisible();

  // Act 2: the admin records their appointment to the legal division, by an office order.
  await page.getByRole('radio', { name: `Select ${id}` }).check();
  await page.getByRole('button', { name: 'Record appointment' }).click();
  const appoint = page.getByRole('dialog');
  await choose(appoint, 'Division', /legal/i);
  await appoint.getByLabel('Office order').fill('NECS/ADM/2026/114');
  await appoint.getByRole('button', { name: 'Record appointment' }).click();
  await expect(page.getByText(`The appointment of ${id} is recorded.`)).toBeVisible();
  const row = page.getByRole('row', { name: new RegExp(id) });
  await expect(row).toContainText('Legal Division');
  await expect(row).toContainText('NECS/ADM/2026/114');
  await expectAccessible(page, 'people');

  // Act 3: the new person signs in (the local sign-in lists the directory as it is now, no restart).
  const theirs = await browser.newContext();
  const them = await theirs.newPage();
  await signIn(them, id, 'people');
  await expect(them.getByRole('button', { name: 'Add person' })).toHaveCount(0);
  await expect(them.getByRole('button', { name: 'Record appointment' })).toHaveCount(0);
  await them.getByRole('button', { name: 'My leave' }).click();
  const leave = them.getByRole('dialog', { name: `Leave for ${id}` });
  const now = await clockNow();
  await leave.getByRole('textbox', { name: 'First day away', exact: true }).fill(dayAfter(now, 1));
  await leave.getByRole('textbox', { name: 'Last day away', exact: true }).fill(dayAfter(now, 0));
  await choose(leave, 'Delegate', /^legal\.officer/);
  await leave.getByRole('button', { name: 'Record leave' }).click();
  await expect(leave.getByText('Their last day away cannot be before the first.')).toBeVisible();
  await leave.getByRole('textbox', { name: 'Last day away', exact: true }).fill(dayAfter(now, 4));
  await leave.getByRole('button', { name: 'Record leave' }).click();
  await expect(them.getByText(`Leave for ${id} is recorded; legal.officer stands in.`)).toBeVisible();

  // Assess: on a day of the leave the directory shows them away, legal.officer standing in; the day before they joined, not there.
  await them.getByRole('textbox', { name: 'As of', exact: true }).fill(dayAfter(now, 2));
  await expect(them).toHaveURL(/asOf=/);
  await expect(them.getByRole('row', { name: new RegExp(id) })).toContainText('legal.officer stands in');
  await them.getByRole('textbox', { name: 'As of', exact: true }).fill(dayAfter(now, -1));
  await expect(them.getByRole('row', { name: new RegExp(id) })).toHaveCount(0);

  // Finally the admin deactivates them, with a reason: the local sign-in no longer offers them.
  await page.reload();
  await page.getByRole('radio', { name: `Select ${id}` }).check();
  await page.getByRole('button', { name: 'Deactivate' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Deactivate' }).click();
  await expect(page.getByRole('dialog').getByText('Required.')).toBeVisible();
  await page.getByRole('dialog').getByLabel('Reason').fill('Transferred to another agency');
  await page.getByRole('dialog').getByRole('button', { name: 'Deactivate' }).click();
  await expect(page.getByText(`${id} is deactivated.`)).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(id) })).toContainText('Deactivated');
  await theirs.close();
  const fresh = await browser.newContext();
  const signInPage = await fresh.newPage();
  await signInPage.goto(consoleUrl(''));
  await signInPage.getByRole('button', { name: /Person/ }).click();
  await expect(signInPage.getByRole('option', { name: /^ict\.head\b/ })).toBeVisible();
  await expect(signInPage.getByRole('option', { name: new RegExp(`^${id}\\b`) })).toHaveCount(0);
  await fresh.close();
});
