import { expect, test } from '@playwright/test';
import { atBothWidths } from './day.js';
import { callApi, clockNow, signIn } from './support.js';

test('a day in the life of an intake officer: a letter registered with the date it really came, then assigned', async ({
  page,
}) => {
  test.setTimeout(150_000);
  // Prepare: the letter was stamped received three days ago, at 10:30 in Thimphu.
  const now = new Date(await clockNow());
  const stamped = new Date(now.getTime() - 3 * 86_400_000).toISOString().slice(0, 10);
  await signIn(page, 'ict.officer', 'requests/new');
  await expect(page.getByRole('heading', { name: 'New request', level: 1 })).toBeVisible();

  // Act: register the letter with its real received date.
  await page.getByRole('button', { name: 'Channel' }).click();
  await page.getByRole('option', { name: 'Letter' }).click();
  await page.getByPlaceholder('YYYY/MM/DD').fill(stamped.replaceAll('-', '/'));
  await page.getByPlaceholder('hh:mm').fill('10:30');
  await page.getByLabel('Requester’s name').fill('Karma Wangmo');
  await page.getByLabel('Requester’s email (optional)').fill('karma.wangmo@example.bt');
  await page.getByLabel('Subject').fill('Environmental clearance of the Chamkharchhu hydropower project');
  await page
    .getByLabel('What they asked for')
    .fill(
      'Dear Sir/Madam,\n\nI request a copy of the environmental clearance issued for the Chamkharchhu project, with its conditions.\n\nKarma Wangmo, Bumthang',
    );
  await atBothWidths(page, 'day-intake-new-letter');
  await page.getByRole('button', { name: 'New request' }).last().click();
  await expect(page).toHaveURL(/\/console\/requests\/NECS-\d{4}-\d{5}$/);
  const ref = page.url().split('/').pop() as string;

  // Assess: received when the letter came, not when it was typed in; the page is the letter, in full.
  const view = await callApi<{ receivedAt: string; channel: string }>('ict.officer', 'GET', `/requests/${ref}`);
  expect(Date.parse(view.body.receivedAt)).toBe(Date.parse(`${stamped}T10:30:00+06:00`));
  await expect(page.getByRole('heading', { name: 'Karma Wangmo’s request, received by letter' })).toBeVisible();
  await expect(page.getByTestId('message-text').first()).toHaveText(
    /I request a copy of the environmental clearance issued for the Chamkharchhu project, with its conditions\.\s+Karma Wangmo, Bumthang$/,
  );

  // Act: assign it to the Legal Division and its officer, by name.
  await page.getByRole('button', { name: 'Assign' }).click();
  await page.getByRole('button', { name: 'Division' }).click();
  await page.getByRole('option', { name: 'Legal Division' }).click();
  await page.getByRole('button', { name: 'Officer (optional)' }).click();
  await page.getByRole('option', { name: /^Legal Officer/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Assign' }).dblclick();

  // Assess: assigned once, said once, in names.
  await expect(page.getByText('Assign: done.')).toHaveCount(1);
  await expect(page.getByText('Someone else changed this request')).toHaveCount(0);
  await expect(page.getByText('Legal Division', { exact: true })).toBeVisible();
  await expect(page.getByText('Legal Officer', { exact: true })).toBeVisible();
  const history = await callApi<{ events: { type: string }[] }>('auditor', 'GET', `/requests/${ref}/history`);
  expect(history.body.events.filter((e) => e.type === 'RequestAssigned')).toHaveLength(1);
  await atBothWidths(page, 'day-intake-assigned');
});
