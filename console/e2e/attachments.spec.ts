import { expect, test } from '@playwright/test';
import nodemailer from 'nodemailer';
import { readFile } from 'node:fs/promises';
import { callApi, signIn } from './support.js';

const readings = 'station,ph,turbidity\nChuzom,7.4,12\nWangdue,7.1,30\n';

test('staff download an attachment of mail received, from the request’s timeline', async ({ page }) => {
  // Prepare: a request arrives by mail with a CSV attached.
  const smtp = nodemailer.createTransport({
    host: '127.0.0.1',
    port: Number(process.env.SMTP_PORT),
    secure: false,
    ignoreTLS: true,
  });
  await smtp.sendMail({
    from: 'Deki Yangzom <deki@example.org>',
    to: 'requests@necs.example',
    subject: 'Wang Chhu water readings',
    text: 'My own readings are attached; please send yours.',
    attachments: [{ filename: 'wang-chhu readings.csv', content: readings, contentType: 'text/csv' }],
  });
  smtp.close();
  let ref = '';
  await expect
    .poll(
      async () => {
        const found = await callApi<{ items: { id: string }[] }>(
          'ict.officer',
          'GET',
          `/requests?q=${encodeURIComponent('wang chhu readings')}`,
        );
        ref = found.body.items[0]?.id ?? '';
        return ref;
      },
      { timeout: 30_000 },
    )
    .not.toBe('');

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
