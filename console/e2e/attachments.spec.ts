import { expect, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { mailIn, registered } from './day.js';
import { signIn } from './support.js';

const readings = 'station,ph,turbidity\nChuzom,7.4,12\nWangdue,7.1,30\n';

test('staff download an attachment of mail received, from the request’s timeline', async ({ page }) => {
  // Prepare: a request arrives by mail with a CSV attached.
  await mailIn({
    from: 'Deki Yangzom <deki@example.org>',
    subject: 'Wang Chhu water readings',
    text: 'My own readings are attached; please send yours.',
    attachments: [{ filename: 'wang-chhu readings.csv', content: readings, contentType: 'text/csv' }],
  });
  const ref = await registered('wang chhu readings');

  // Act: the intake officer opens it and downloads the file from the timeline.
  await signIn(page, 'ict.officer', `requests/${ref}`);
  const link = page.getByRole('button', { name: 'Download wang-chhu readings.csv' });
  await expect(link).toBeVisible();
  const downloaded = page.waitForEvent('download');
  await link.click();
  const file = await downloaded;

  // Assess: the very bytes the requester sent, under their name.
  expect(file.suggestedFilename()).toBe('wang-chhu readings.csv');
  expect(await readFile(await file.path(), 'utf8')).toBe(readings);
});
