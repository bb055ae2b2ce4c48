import { expect, test, type Browser } from '@playwright/test';
import { expectAccessible, mailTo, screenshot, signIn, type SentMail } from './support.js';

const asUser = async (browser: Browser, user: string, path = '') => {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, user, path);
  return page;
};

test('a request lives from intake to archive through the console alone, and the requester gets every mail', async ({
  browser,
}) => {
  test.setTimeout(180_000); // five people sign in and act, each with an accessibility check
  // Prepare: the intake officer signs in (the sign-in page lists the agency's people).
  const intake = await (await browser.newContext()).newPage();
  await intake.goto(`${process.env.CONSOLE_URL as string}`);
  await expectAccessible(intake, 'sign-in');
  await screenshot(intake, 'sign-in');
  await signIn(intake, 'ict.officer');

  // Act: a walk-in request is registered.
  await intake.getByRole('link', { name: 'New request' }).click();
  await expect(intake.getByRole('heading', { name: 'New request', level: 1 })).toBeVisible();
  await intake.getByRole('button', { name: 'New request' }).last().click();
  await expect(intake.getByText('Required').first()).toBeVisible(); // validation before the API is asked
  await intake.getByLabel('Requester’s name').fill('Pema Choden');
  await intake.getByLabel('Requester’s email (optional)').fill('pema@example.org');
  await intake.getByLabel('Subject').fill('Air quality readings for Thimphu, 2025');
  await intake
    .getByLabel('What they asked for')
    .fill('Please share the monthly air quality readings for Thimphu in 2025.');
  await expectAccessible(intake, 'new request');
  await intake.getByRole('button', { name: 'New request' }).last().click();
  await expect(intake).toHaveURL(/\/console\/requests\/NECS-\d{4}-\d{5}$/);
  const ref = intake.url().split('/').pop() as string;
  await expect(intake.getByRole('heading', { name: ref })).toBeVisible();
  const ack = await mailTo((m: SentMail) => m.subject.includes(`[${ref}]`) && m.subject.startsWith('Received:'));
  expect(ack.destination.to).toEqual(['pema@example.org']);

  // The intake officer assigns it to Legal and its officer.
  await intake.getByRole('button', { name: 'Assign' }).click();
  await intake.getByRole('button', { name: 'Division' }).click();
  await intake.getByRole('option', { name: /legal/i }).first().click();
  await intake.getByRole('button', { name: 'Officer (optional)' }).click();
  await intake.getByRole('option', { name: /^Legal Officer/ }).click();
  await intake.getByRole('dialog').getByRole('button', { name: 'Assign' }).click();
  await expect(intake.getByText('Assign: done.')).toBeVisible();
  await expect(intake.getByText('Assigned', { exact: true })).toBeVisible();
  await expectAccessible(intake, 'request');

  // The legal officer asks the legal spokesperson for their view (only the spokesperson may record it).
  const asker = await asUser(browser, 'legal.officer', `requests/${ref}`);
  await asker.getByRole('button', { name: 'Ask for a view' }).click();
  await asker.getByRole('button', { name: 'Whom to ask' }).click();
  await asker.getByRole('option', { name: /Media Spokesperson \(Legal\)/ }).click();
  await asker.getByLabel('Question').fill('May we share the 2025 readings as published?');
  await expectAccessible(asker, 'ask for a view');
  await asker.getByRole('dialog').getByRole('button', { name: 'Ask for a view' }).click();
  await expect(asker.getByText('Ask for a view: done.')).toBeVisible();
  await expect(asker.getByRole('button', { name: 'Record my view' })).toHaveCount(0);
  const notice = await mailTo(
    (m: SentMail) => m.subject === `View asked: [${ref}] Air quality readings for Thimphu, 2025`,
  );
  expect(notice.destination.to).toEqual(['spokesperson.legal@necs.example']);
  // Nothing of the requester's; the one link is the request's page in the console, where the view is recorded.
  const noticeText = `${notice.body.text ?? ''}${notice.body.html ?? ''}`;
  expect(noticeText).not.toMatch(/pema@example\.org|Pema Choden/);
  expect(noticeText).toContain('choose "Record my view"');
  expect([...new Set(noticeText.match(/https?:\/\/[^\s"<]+/g))]).toEqual([
    expect.stringMatching(new RegExp(`/console/requests/${ref}$`)),
  ]);

  // The spokesperson signs in, finds it in their work, and records their own view.
  const spokesperson = await asUser(browser, 'spokesperson.legal');
  await spokesperson.getByRole('link', { name: ref }).click();
  await expect(spokesperson).toHaveURL(new RegExp(`/console/requests/${ref}$`));
  await spokesperson.getByRole('button', { name: 'Record my view' }).click();
  await expect(spokesperson.getByTestId('asked-question')).toHaveText('May we share the 2025 readings as published?');
  await spokesperson.getByLabel('Cleared').check();
  await expectAccessible(spokesperson, 'record my view');
  await spokesperson.getByRole('dialog').getByRole('button', { name: 'Record my view' }).click();
  await expect(spokesperson.getByText('Record my view: done.')).toBeVisible();

  // The legal officer finds it in their work and responds with an attachment, after previewing the mail.
  const officer = await asUser(browser, 'legal.officer');
  await expect(officer.getByRole('link', { name: ref })).toBeVisible();
  await expectAccessible(officer, 'my work');
  await screenshot(officer, 'my-work', true);
  await officer.getByRole('link', { name: ref }).click();
  await officer.getByRole('button', { name: 'Respond' }).click();
  await officer.getByLabel('Response', { exact: true }).fill('The readings are attached.');
  await officer
    .getByRole('dialog')
    .locator('input[type=file]')
    .setInputFiles({
      name: 'thimphu-air-2025.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('month,pm25\n2025-01,41\n'),
    });
  await expect(officer.getByTestId('mail-preview')).toContainText('The readings are attached.');
  await expect(officer.getByTestId('mail-preview')).toContainText(`Response: [${ref}]`);
  await expect(officer.getByTestId('mail-preview')).toContainText('thimphu-air-2025.csv');
  await expectAccessible(officer, 'respond');
  await screenshot(officer, 'respond');
  await officer.getByRole('dialog').getByRole('button', { name: 'Respond' }).click();
  await expect(officer.getByText('Respond: done.')).toBeVisible();
  const response = await mailTo((m: SentMail) => m.subject.startsWith(`Response: [${ref}]`));
  expect(response.destination.to).toEqual(['pema@example.org']);
  expect(response.destination.cc).toContain('archive@necs.example');
  expect(response.attachments.map((a) => a.filename)).toContain('thimphu-air-2025.csv');

  // Assess: it is archived with its topics, and the timeline shows every step.
  await officer.getByRole('button', { name: 'Archive' }).click();
  await officer.getByLabel('Topics').fill('air quality');
  await officer.getByLabel('Topics').press('Enter');
  await officer.getByLabel('Publishable on the website').check();
  await officer.getByRole('dialog').getByRole('button', { name: 'Archive' }).click();
  await expect(officer.getByText('Archived', { exact: true })).toBeVisible();
  // The page is the correspondence: what was written and sent, in words, newest last.
  for (const heading of [
    'Pema Choden’s request, received by walk-in',
    'Acknowledgment sent',
    'Legal Officer asked Media Spokesperson (Legal) for a view',
    'Media Spokesperson (Legal)’s view: Cleared',
    'Response sent by Legal Officer: Full disclosure',
  ]) {
    await expect(officer.getByRole('heading', { name: heading })).toBeVisible();
  }
  await screenshot(officer, 'request', true);
});
