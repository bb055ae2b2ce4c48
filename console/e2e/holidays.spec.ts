import { expect, test } from '@playwright/test';
import { assignedRequest } from './scene.js';
import { callApi, clockNow, expectAccessible, screenshot, signIn } from './support.js';

interface Holiday {
  date: string;
  name: string;
  region?: string;
  status: string;
}

test('an admin records the official holiday list from a CSV file after previewing it, sees the due dates it moved, and withdraws a declared holiday', async ({
  page,
}) => {
  // Prepare: an open request, and this year's list as the calendar holds it now.
  const ref = await assignedRequest('Air quality readings, Pasakha');
  const request = await callApi<{ dueAt: string }>('legal.officer', 'GET', `/requests/${ref}`);
  const year = Number((await clockNow()).slice(0, 4));
  const before = (await callApi<{ holidays: Holiday[] }>('ict.head', 'GET', `/calendar/holidays?year=${year}`)).body
    .holidays;
  const official = before
    .filter((h) => h.status !== 'declared')
    .map(({ date, name, region }) => ({ date, name, ...(region ? { region } : {}) }));
  // The new official list adds a holiday on the request's due day (a working day it counts), so its due date moves.
  const newDay = request.body.dueAt.slice(0, 10);
  expect(newDay.slice(0, 4)).toBe(String(year));
  const csv = [
    'date,name,region',
    ...official.map((h) => `${h.date},"${h.name}",${h.region ?? ''}`),
    `${newDay},"Day of the Official List",`,
  ].join('\n');
  const declared = `${year}-12-19`;
  expect(
    (await callApi('ict.head', 'POST', '/calendar/holidays', { date: declared, name: 'Declared for the test' })).status,
  ).toBeLessThan(300);

  try {
    await signIn(page, 'ict.head', `calendar?year=${year}`);
    await expect(page.getByRole('heading', { name: `Holidays in ${year}` })).toBeVisible();
    const declaredRow = page.getByRole('row', { name: /Declared for the test/ });
    await expect(declaredRow).toContainText('Declared');

    // Act 1: pasted rows from another year are refused before anything is sent.
    await page.getByLabel('Source', { exact: true }).fill('MoHA circular for the test');
    await page.getByRole('textbox', { name: 'Or paste the rows' }).fill(`${year + 1}-01-02,Winter Solstice`);
    await page.getByRole('button', { name: 'Preview the changes' }).click();
    await expect(page.getByText(`${year + 1}-01-02 is not in ${year}`)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Record the official list' })).toHaveCount(0);

    // Act 2: the government's list as a CSV file: the preview shows the one added date.
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: `bt-${year}.csv`, mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Preview the changes' }).click();
    await expect(page.getByRole('heading', { name: /1 change\(s\) against the current list/ })).toBeVisible();
    const added = page.getByRole('row', { name: /Day of the Official List/ });
    await expect(added).toContainText('Added');
    await page.getByRole('button', { name: 'Record the official list' }).click();

    // Assess: the reply names the request whose due date moved; the list shows the new day as official.
    await expect(
      page.getByText(/Recorded \d+ official holidays; \d+ open request\(s\) got a new due date/),
    ).toBeVisible();
    await expect(page.getByRole('link', { name: ref })).toBeVisible();
    await expect(page.getByRole('row', { name: /Day of the Official List/ }).first()).toContainText('Official');
    const after = await callApi<{ dueAt: string }>('legal.officer', 'GET', `/requests/${ref}`);
    expect(after.body.dueAt > request.body.dueAt).toBe(true);

    // Act 3: the admin withdraws the declared holiday from the list, with a reason.
    await page.getByRole('button', { name: `Withdraw Declared for the test (${declared})` }).click();
    await expect(page.getByTestId('withdraw-affected')).toContainText(/\d+ open request\(s\) count this day/);
    await page.getByRole('dialog').getByLabel('Reason').fill('Declared in error');
    await page.getByRole('dialog').getByRole('button', { name: 'Withdraw' }).click();
    await expect(page.getByText(`The holiday on ${declared} is withdrawn`)).toBeVisible();
    await expect(page.getByRole('row', { name: /Declared for the test/ })).toHaveCount(0);

    // Act 4: the breach scan on demand shows what it found.
    await page.getByRole('button', { name: 'Run breach scan now' }).click();
    await expect(page.getByTestId('scan-Alerts queued')).toHaveText(/^\d+$/);
    await expectAccessible(page, 'calendar (admin)');
    await screenshot(page, 'calendar-holidays');
  } finally {
    // The stack is shared with later specs: put this year's list back as it was (its due dates move back).
    await callApi('ict.head', 'POST', `/calendar/years/${year}/official`, {
      source: 'restored after the holidays test',
      holidays: official,
    });
  }
});
