import { expect, test } from '@playwright/test';
import { assignedRequest } from './scene.js';
import { callApi, expectAccessible, screenshot, signIn } from './support.js';

test('an auditor sees a request as it stood at any point of its history, and that its chain verifies', async ({
  page,
}) => {
  // Prepare: a request received, assigned, with a note.
  const ref = await assignedRequest('Hydropower licence conditions');
  expect(
    (await callApi('legal.officer', 'POST', `/requests/${ref}/notes`, { text: 'Called the requester.' })).status,
  ).toBe(200);

  // Act: the auditor opens the deep link (signed in on arrival) and verifies.
  await signIn(page, 'auditor', `audit/${ref}`);
  await expect(page.getByRole('heading', { name: `Audit: ${ref}` })).toBeVisible();
  await expect(page.getByTestId('asof-status')).toHaveText('Assigned');
  // The timeline is in business words, with people and divisions named and the note in full.
  await expect(
    page.getByRole('rowheader', { name: 'Assigned to the Legal Division, held by Legal Officer' }),
  ).toBeVisible();
  await expect(page.getByRole('row', { name: /Internal note added/ })).toContainText('Called the requester.');
  await expect(page.getByRole('table', { name: 'What happened' })).not.toContainText(
    /RequestReceived|RequestAssigned|NoteAdded|legal\.officer/,
  );
  await page.getByRole('button', { name: 'Verify the chain' }).click();
  await expect(page.getByTestId('verify-result')).toContainText(/Valid: \d+ events, hashes chained/);

  // Assess: sliding back to version 1 shows it as received, with one event; the URL keeps the point.
  const slider = page.getByRole('slider', { name: 'As of' });
  await slider.focus();
  await slider.press('Home');
  await expect(page.getByTestId('asof-status')).toHaveText('Received');
  await expect(page).toHaveURL(/v=1/);
  await expect(page.getByRole('rowheader', { name: /Karma Wangdi’s request received by letter/ })).toBeVisible();
  await expect(
    page.getByRole('rowheader', { name: /^Assigned to the Legal Division, held by Legal Officer$/ }),
  ).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('asof-status')).toHaveText('Received');
  await expectAccessible(page, 'audit');
  await screenshot(page, 'audit');
});
