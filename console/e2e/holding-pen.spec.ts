import { expect, test } from '@playwright/test';
import { mailIn } from './day.js';
import { callApi, expectAccessible, screenshot, signIn } from './support.js';

test('an intake officer triages the holding pen: a forged reference becomes a request, an out-of-office reply is discarded', async ({
  page,
}) => {
  // Prepare: two mails the intake could not place.
  await mailIn({
    from: 'Sonam Dorji <sonam@example.org>',
    subject: '[NECS-2026-99999] Mining lease documents',
    text: 'I asked about this last month, here it is again.',
  });
  await mailIn({
    from: 'tashi@example.org',
    subject: 'Automatic reply: Your request',
    text: 'I am out of the office until Monday.',
  });

  // The intake reads them from the queue and the pen's list is a projection: wait until it holds both.
  const subjects = async () =>
    (await callApi<{ items: { subject?: string }[] }>('ict.officer', 'GET', '/holding-pen')).body.items.map(
      (m) => m.subject,
    );
  await expect
    .poll(subjects, { timeout: 30_000 })
    .toEqual(expect.arrayContaining(['[NECS-2026-99999] Mining lease documents', 'Automatic reply: Your request']));

  // Act: the intake officer opens the holding pen.
  await signIn(page, 'ict.officer', 'holding-pen');
  await expect(page.getByText('[NECS-2026-99999] Mining lease documents', { exact: true })).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByText('Automatic reply: Your request', { exact: true })).toBeVisible({ timeout: 30_000 });
  await expectAccessible(page, 'holding pen');
  await screenshot(page, 'holding-pen', true);

  await page.getByRole('button', { name: 'Make a new request: [NECS-2026-99999] Mining lease documents' }).click();
  await expect(page.getByText('Mail promoted.')).toBeVisible();
  const created = (
    await page
      .getByRole('group', { name: /Mail promoted/ })
      .getByRole('link')
      .innerText()
  ).trim();
  expect(created).toMatch(/^NECS-\d{4}-\d{5}$/);

  await page.getByRole('button', { name: 'Discard: Automatic reply: Your request' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Discard' }).click();
  await expect(page.getByRole('dialog').getByText('Required')).toBeVisible();
  await page.getByLabel('Reason for discarding').fill('Out-of-office reply');
  await page.getByRole('dialog').getByRole('button', { name: 'Discard' }).click();
  await expect(page.getByText('Mail discarded.')).toBeVisible();

  // Assess: both are gone from the pen; the promoted mail is a request with the sender as requester.
  await expect(page.getByText('Automatic reply: Your request', { exact: true })).toHaveCount(0);
  await expect(page.getByText('[NECS-2026-99999] Mining lease documents', { exact: true })).toHaveCount(0);
  await page.goto(`${process.env.CONSOLE_URL as string}requests/${created}`);
  await expect(page.getByText('Sonam Dorji <sonam@example.org>')).toBeVisible();
});
