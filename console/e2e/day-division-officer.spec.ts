import { expect, test } from '@playwright/test';
import { atBothWidths, mailIn, recorded, registered } from './day.js';
import { callApi, mailTo, outbox, signIn, type SentMail } from './support.js';

/** A requester's HTML mail with what a browser must never run or load: a script, a tracking image, a script link. */
const HOSTILE_HTML =
  '<p>Dear NECS,</p><p>Please share the <b>PM2.5 readings</b> of the Pasakha station for 2026.</p>' +
  '<script>document.title="pwned"</script><img src="http://tracker.example/pixel.gif" onerror="document.title=\'pwned\'" alt="">' +
  '<p><a href="javascript:document.title=\'pwned\'">My research profile</a></p><p>Kind regards,<br>Deki Yangzom</p>';

test('a day in the life of a division officer: reads the requester in full, asks the spokesperson, answers once with an attachment', async ({
  page,
}) => {
  test.setTimeout(180_000);
  // Prepare: an HTML mail opens the request, the requester writes again, and Legal holds it.
  await mailIn({
    from: 'Deki Yangzom <deki.yangzom@example.bt>',
    subject: 'Pasakha air readings 2026',
    html: HOSTILE_HTML,
  });
  const ref = await registered('pasakha air readings');
  expect(
    (await callApi('ict.officer', 'POST', `/requests/${ref}/assign`, { division: 'legal', assignee: 'legal.officer' }))
      .status,
  ).toBe(200);
  await mailIn({
    from: 'deki.yangzom@example.bt',
    subject: `Re: [${ref}] Pasakha air readings 2026`,
    text: 'One more thing: the hourly values would help most, if you keep them.\n\nDeki',
  });
  await expect
    .poll(async () => (await recorded(ref)).includes('RequesterMessageReceived'), { timeout: 30_000 })
    .toBe(true);

  // Act: the officer opens the request.
  await signIn(page, 'legal.officer', `requests/${ref}`);
  await expect(page.getByRole('heading', { name: `${ref}: Pasakha air readings 2026` })).toBeVisible();

  // Assess: the requester's words in full, as text: nothing ran, nothing loaded, no link to follow.
  const first = page.getByTestId('message-text').first();
  await expect(first).toContainText('Please share the PM2.5 readings of the Pasakha station for 2026.');
  await expect(first).toContainText('Kind regards,');
  await expect(first.locator('img, script, a, iframe')).toHaveCount(0);
  expect(await page.title()).not.toBe('pwned');
  await expect(page.getByRole('heading', { name: 'Deki Yangzom wrote' })).toBeVisible();
  await expect(page.getByText('One more thing: the hourly values would help most, if you keep them.')).toBeVisible();
  // Before anyone writes a reply, the page says what is missing.
  await expect(page.getByTestId('missing-for-response')).toContainText(
    'a media spokesperson must first give their view',
  );
  await atBothWidths(page, 'day-division-officer-request');

  // Act: ask the legal spokesperson for their view.
  await page.getByRole('button', { name: 'Ask for a view' }).click();
  await page.getByRole('button', { name: 'Whom to ask' }).click();
  await page.getByRole('option', { name: /Media Spokesperson \(Legal\)/ }).click();
  const question =
    'The Pasakha station was offline for most of March 2026 after the flood. May we share the readings as they are, with a note explaining the gap, or should we wait for the calibrated series?';
  await page.getByLabel('Question').fill(question);
  await page.getByRole('dialog').getByRole('button', { name: 'Ask for a view' }).click();
  await expect(page.getByText('Ask for a view: done.')).toBeVisible();
  await expect(page.getByText(question)).toBeVisible();
  await expect(page.getByTestId('missing-for-response')).toContainText(
    'waiting for the view of Media Spokesperson (Legal)',
  );

  // The spokesperson gives their view (their own screen has its own test); the officer reloads.
  expect(
    (
      await callApi('spokesperson.legal', 'POST', `/requests/${ref}/consultations`, {
        with: 'spokesperson',
        person: 'spokesperson.legal',
        outcome: 'advice',
        note: 'Share them, and say plainly why March is missing.',
      })
    ).status,
  ).toBe(200);
  await page.reload();
  await expect(page.getByText('Share them, and say plainly why March is missing.')).toBeVisible();
  await expect(page.getByTestId('missing-for-response')).toHaveCount(0);

  // Act: respond with an attachment — and double-click the button.
  await page.getByRole('button', { name: 'Respond' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('template-greeting')).toHaveText('Dear Deki Yangzom,');
  await expect(dialog.getByTestId('template-sign-off')).toContainText('With kind regards,');
  await dialog.getByLabel('Response', { exact: true }).fill('Dear Deki Yangzom,\n\nThe readings are attached.');
  await dialog.getByRole('button', { name: 'Respond' }).click();
  await expect(dialog.getByText('Start with your answer: the mail already begins “Dear Deki Yangzom,”.')).toBeVisible();
  await dialog
    .getByLabel('Response', { exact: true })
    .fill('The readings are attached. March is missing: the station was offline after the flood.');
  await dialog.locator('input[type=file]').setInputFiles({
    name: 'pasakha-pm25-2026.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('month,pm25\n2026-01,38\n2026-02,44\n'),
  });
  await expect(dialog.getByTestId('mail-preview')).toContainText('Copy: archive@necs.example (archive copy)');
  await expect(dialog.getByTestId('mail-preview')).toContainText('Dear Deki Yangzom,\n\nThe readings are attached.');
  await atBothWidths(page, 'day-division-officer-respond');
  await dialog.getByRole('button', { name: 'Respond' }).dblclick();

  // Assess: one response, one success, no false conflict, and no second response one click away.
  await expect(page.getByText('Respond: done.')).toHaveCount(1);
  await expect(page.getByText('Someone else changed this request')).toHaveCount(0);
  const response = await mailTo((m: SentMail) => m.subject.startsWith(`Response: [${ref}]`));
  expect(response.destination.cc).toContain('archive@necs.example');
  expect(response.attachments.map((a) => a.filename)).toContain('pasakha-pm25-2026.csv');
  expect((response.body.text ?? '').match(/Dear Deki Yangzom,/g)).toHaveLength(1);
  expect((await recorded(ref)).filter((t) => t === 'ResponseSent')).toHaveLength(1);
  expect((await outbox()).filter((m) => m.subject.startsWith(`Response: [${ref}]`))).toHaveLength(1);
  await expect(page.getByRole('button', { name: 'Respond', exact: true })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Response sent by Legal Officer: Full disclosure' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Download pasakha-pm25-2026.csv' })).toBeVisible();
  await atBothWidths(page, 'day-division-officer-responded');
});
