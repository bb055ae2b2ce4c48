import { expect, test } from '@playwright/test';
import { atBothWidths, PHONE, recorded } from './day.js';
import { assignedRequest } from './scene.js';
import { callApi, listed, signIn } from './support.js';

test('a day in the life of a spokesperson: on a phone, finds what waits for their view, reads the question in full, must choose an outcome', async ({
  page,
}) => {
  test.setTimeout(150_000);
  // Prepare: Legal holds a request and its officer asks the legal spokesperson a long question.
  const subject = 'Mining lease conditions at Gomtu';
  const ref = await assignedRequest(subject);
  const question =
    'The requester is a journalist writing about the Gomtu mining lease. The lease conditions include the community compensation schedule, which names households. ' +
    'May we share the conditions with the names withheld, and should we add a statement on the ongoing review?';
  expect(
    (
      await callApi('legal.officer', 'POST', `/requests/${ref}/consultations/requested`, {
        person: 'spokesperson.legal',
        question,
      })
    ).status,
  ).toBe(200);
  await listed(ref, 'assignee=me', 'spokesperson.legal');

  // Act: the spokesperson signs in on a 390 px phone.
  await page.setViewportSize(PHONE);
  await signIn(page, 'spokesperson.legal');

  // Assess: what waits for their view is listed with its subject, readable on the phone.
  const link = page.getByRole('link', { name: ref });
  await expect(link).toBeVisible();
  await expect(page.getByText(subject).first()).toBeVisible();
  await atBothWidths(page, 'day-spokesperson-my-work');
  await page.setViewportSize(PHONE);
  await link.click();

  // The request: its subject on the phone, and the question in full (not cut at 120 characters).
  await expect(page.getByRole('heading', { level: 1, name: `${ref}: ${subject}` })).toBeVisible();
  await expect(
    page.getByRole('heading', { name: 'Legal Officer asked Media Spokesperson (Legal) for a view' }),
  ).toBeVisible();
  await expect(page.getByText(question)).toBeVisible();
  await atBothWidths(page, 'day-spokesperson-request');
  await page.setViewportSize(PHONE);

  // Act: open the form and submit without choosing an outcome.
  await page.getByRole('button', { name: 'Record my view' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('asked-question')).toHaveText(question);
  await expect(dialog.getByRole('radio', { checked: true })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Record my view' }).click();

  // Assess: nothing recorded, and the form says why.
  await expect(
    dialog.getByText('Choose one: cleared, advice or concerns. Nothing is recorded until you do.'),
  ).toBeVisible();
  expect(await recorded(ref)).not.toContain('ConsultationRecorded');
  await atBothWidths(page, 'day-spokesperson-choose');
  await page.setViewportSize(PHONE);

  // Act: choose, explain, record.
  await dialog.getByLabel('Concerns').check();
  await dialog
    .getByLabel('Note (optional)')
    .fill('Withhold the household names. No statement on the review until the Secretary has been briefed.');
  await dialog.getByRole('button', { name: 'Record my view' }).click();

  // Assess: recorded once, and on the page in full.
  await expect(page.getByText('Record my view: done.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Media Spokesperson (Legal)’s view: Concerns' })).toBeVisible();
  await expect(
    page.getByText('Withhold the household names. No statement on the review until the Secretary has been briefed.'),
  ).toBeVisible();
  expect((await recorded(ref)).filter((t) => t === 'ConsultationRecorded')).toHaveLength(1);
});
