import { expect, test, type Browser } from '@playwright/test';
import { atBothWidths, daysAgo, expectOnScreen, mailIn } from './day.js';
import { callApi, scanUntilBreached, signIn } from './support.js';

const asUser = async (browser: Browser, user: string, path = '') => {
  const page = await (
    await browser.newContext({ viewport: { width: 1440, height: 900 }, reducedMotion: 'reduce' })
  ).newPage();
  await signIn(page, user, path);
  return page;
};

test.setTimeout(180_000);

test('a day in the life of ICT services: the chief lands on unassigned breaches; intake decides held mail with the guessed reference; the chief reads an update, confirms it and sees it published', async ({
  browser,
}) => {
  // Prepare: a phone request taken three weeks ago that no division holds: late.
  const late = await callApi<{ id: string }>('ict.officer', 'POST', '/requests', {
    channel: 'phone',
    requester: { name: 'Ugyen Tenzin', kind: 'public' },
    subject: 'Hydropower EIA for Punatsangchhu',
    body: 'Copies of the EIA.',
    receivedAt: await daysAgo(21),
  });
  await scanUntilBreached([late.body.id]);

  // Act + assess: the ICT chief lands on the unassigned ones, the late one breached.
  const chief = await asUser(browser, 'ict.head');
  const unassigned = chief.getByRole('table', { name: 'Waiting to be assigned' });
  await atBothWidths(chief, 'day-ict-chief-landing', async () => {
    await expect(unassigned.getByRole('row', { name: new RegExp(late.body.id) })).toContainText('Breached');
    await expect(chief.getByTestId('count-breached')).toHaveText(/^[1-9]\d*\+?$/);
    await expectOnScreen(chief, unassigned.getByRole('link', { name: late.body.id }));
  });
  await expect(chief.getByText('No breaches. Well done.')).toHaveCount(0);

  // Prepare: a request from Pema, and a mail about it from another address with a file and an executable.
  const asked = await callApi<{ id: string }>('ict.officer', 'POST', '/requests', {
    channel: 'web',
    requester: { name: 'Pema Lhamo', email: 'pema@example.bt', kind: 'public' },
    subject: 'Waste permits',
    body: 'Which permits?',
  });
  const ref = asked.body.id;
  const subject = `Re: [${ref}] Waste permits — from my office address`;
  await mailIn({
    from: 'Pema Lhamo <pema.lhamo@office.example.bt>',
    subject,
    text: 'Writing from my office: the permits for Babesa, please.',
    attachments: [
      { filename: 'site-map.pdf', content: Buffer.from('%PDF-1.4 map') },
      { filename: 'viewer.exe', content: Buffer.from('MZ') },
    ],
  });
  await expect
    .poll(
      async () =>
        (await callApi<{ items: { subject: string }[] }>('ict.officer', 'GET', '/holding-pen')).body.items.some(
          (m) => m.subject === subject,
        ),
      { timeout: 30_000 },
    )
    .toBe(true);

  // Act: the intake officer opens the holding pen.
  const intake = await asUser(browser, 'ict.officer', 'holding-pen');
  const card = intake.getByRole('listitem').filter({ hasText: subject });
  // Assess: the mail's text, its file to open, the quarantined one named only, and why it is held, in words.
  await atBothWidths(intake, 'day-ict-holding-pen', async () => {
    await expect(card.getByText('Writing from my office: the permits for Babesa, please.')).toBeVisible();
    await expect(card.getByRole('button', { name: 'Download site-map.pdf' })).toBeVisible();
    await expect(card.getByText('viewer.exe')).toBeVisible();
    await expect(card.getByRole('button', { name: 'Download viewer.exe' })).toHaveCount(0);
    await expect(
      card.getByText(`It names request ${ref}, but comes from someone other than that request’s requester.`),
    ).toBeVisible();
    await expectOnScreen(intake, card.getByRole('button', { name: `Attach to a request: ${subject}` }));
  });
  // Act: attach, with the reference the mail names already filled in.
  await card.getByRole('button', { name: `Attach to a request: ${subject}` }).click();
  const dialog = intake.getByRole('dialog');
  await expect(dialog.getByLabel('Request reference')).toHaveValue(ref);
  // A mistyped reference is refused in words that suggest no other request.
  await dialog.getByLabel('Request reference').fill('nonsense');
  await dialog.getByRole('button', { name: 'Attach to a request' }).click();
  const refused = dialog.getByText(/Type the reference of the request this mail belongs to/);
  await expect(refused).toBeVisible();
  await expect(refused).not.toContainText(/[A-Z]+-\d{4}-\d{5}/);
  await dialog.getByLabel('Request reference').fill(ref);
  await dialog.getByRole('button', { name: 'Attach to a request' }).click();
  await expect(intake.getByText('Mail attached.')).toBeVisible();
  await expect(intake.getByText(subject, { exact: true })).toHaveCount(0);

  // Prepare: Policy and Planning send a website update with a photograph.
  const update = await callApi<{ id: string }>('ppd.chief', 'POST', '/website-updates', {
    kind: 'news',
    title: 'Tree planting at Dechencholing',
    body: 'Staff planted 300 saplings on Saturday with the school.',
    attachments: [
      { filename: 'saplings.jpg', contentType: 'image/jpeg', contentBase64: Buffer.from('jpeg').toString('base64') },
    ],
  });
  expect(update.status).toBe(201);

  // Act: the ICT chief opens it: the information and its file are there to read before confirming.
  await chief.goto(`${process.env.CONSOLE_URL as string}website-updates/${update.body.id}`);
  await atBothWidths(chief, 'day-ict-website-update', async () => {
    await expect(chief.getByTestId('website-information')).toHaveText(
      'Staff planted 300 saplings on Saturday with the school.',
    );
    await expect(chief.getByRole('button', { name: 'Download saplings.jpg' })).toBeVisible();
  });
  await chief.getByRole('button', { name: 'Confirm complete' }).click();
  const confirm = chief.getByRole('dialog');
  await expect(confirm.getByText('Staff planted 300 saplings on Saturday with the school.')).toBeVisible();
  await expect(confirm.getByRole('button', { name: 'Download saplings.jpg' })).toBeVisible();
  await confirm.getByRole('button', { name: 'Confirm complete' }).click();
  await expect(chief.getByText('Complete — to publish')).toBeVisible();
  await chief.getByRole('button', { name: 'Record published' }).click();
  await chief
    .getByRole('dialog')
    .getByLabel('Address of the page on the website')
    .fill('https://www.necs.example/news/tree-planting');
  await chief.getByRole('dialog').getByRole('button', { name: 'Record published' }).click();
  await expect(chief.getByRole('link', { name: 'https://www.necs.example/news/tree-planting' })).toBeVisible();

  // Assess: the Published tab shows it at once, before the list's projection has caught up.
  // (The side navigation stays closed after the phone-width look; it opens from its button.)
  const nav = chief.getByRole('link', { name: 'Website updates' });
  if (!(await nav.isVisible())) await chief.getByRole('button', { name: 'Navigation' }).first().click();
  await nav.click();
  await chief.getByRole('tab', { name: 'Published' }).click();
  await expect(chief.getByRole('row', { name: /Tree planting at Dechencholing/ })).toBeVisible({ timeout: 3_000 });
});
