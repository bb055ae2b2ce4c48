import { expect, test, type Browser } from '@playwright/test';
import { callApi, clockNow, expectAccessible, mailTo, screenshot, signIn } from './support.js';

const asUser = async (browser: Browser, user: string, path = '') => {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, user, path);
  return page;
};

test('a division officer submits an update, ICT confirms it complete and records it published, and the queue shows it published', async ({
  browser,
}) => {
  // Prepare: Legal's officer opens the website updates from the navigation
  const legal = await asUser(browser, 'legal.officer');
  await legal.getByRole('link', { name: 'Website updates' }).click();
  await expect(legal.getByRole('heading', { level: 1, name: 'Website updates' })).toBeVisible();
  await legal.getByRole('button', { name: 'New website update' }).click();
  await expect(legal.getByRole('heading', { level: 1, name: 'New website update' })).toBeVisible();

  // Act: the form refuses an empty update, then takes the title, the event's date, the information and a photograph
  await legal.getByRole('button', { name: 'Submit to ICT services' }).click();
  await expect(legal.getByText('Required').first()).toBeVisible();
  const today = (await clockNow()).slice(0, 10);
  await legal.getByLabel('Title').fill('Workshop on the Environmental Assessment Act');
  await legal.getByRole('textbox', { name: 'Date of the event' }).fill(today.replaceAll('-', '/'));
  await legal.getByLabel('The information').fill('Held in Thimphu with 40 participants from the dzongkhags.');
  await legal
    .locator('input[type=file]')
    .setInputFiles({ name: 'workshop.png', mimeType: 'image/png', buffer: Buffer.from('89504e470d0a1a0a', 'hex') });
  await expect(legal.getByText('workshop.png')).toBeVisible();
  await expectAccessible(legal, 'new website update');
  await screenshot(legal, 'website-new');
  await legal.getByRole('button', { name: 'Submit to ICT services' }).click();

  // Assess: the update's page, with ICT to check it and the file kept
  await expect(legal).toHaveURL(/\/console\/website-updates\/WEB-\d{4}-\d{5}$/);
  const id = legal.url().split('/').pop() as string;
  await expect(legal.getByRole('heading', { level: 1, name: id })).toBeVisible();
  await expect(legal.getByText('With ICT to check')).toBeVisible();
  await expect(legal.getByRole('button', { name: 'Download workshop.png' })).toBeVisible();
  await expect(legal.getByTestId('website-information')).toHaveText(
    'Held in Thimphu with 40 participants from the dzongkhags.',
  );
  await expect(legal.getByRole('button', { name: 'Withdraw' })).toBeVisible();
  await expect(legal.getByRole('button', { name: 'Confirm complete' })).toHaveCount(0);

  // ICT services confirm it complete: their one-working-day clock starts
  const ict = await asUser(browser, 'ict.officer', `website-updates/${id}`);
  await expect(ict.getByRole('heading', { level: 1, name: id })).toBeVisible();
  await ict.getByRole('button', { name: 'Confirm complete' }).click();
  await ict.getByRole('dialog').getByRole('button', { name: 'Confirm complete' }).click();
  await expect(ict.getByText('Complete — to publish')).toBeVisible();
  await expect(ict.getByText('ICT: publication')).toBeVisible();

  // … and record where it went live (a bad address is refused in the form)
  await ict.getByRole('button', { name: 'Record published' }).click();
  const dialog = ict.getByRole('dialog');
  await dialog.getByLabel('Address of the page on the website').fill('javascript:alert(1)');
  await dialog.getByRole('button', { name: 'Record published' }).click();
  await expect(dialog.getByText('An address starting with https:// or http://')).toBeVisible();
  await dialog.getByLabel('Address of the page on the website').fill('https://www.necs.example/news/eaa-workshop');
  await dialog.getByRole('button', { name: 'Record published' }).click();
  await expect(ict.getByRole('link', { name: 'https://www.necs.example/news/eaa-workshop' })).toBeVisible();
  await expect(
    ict.getByRole('list', { name: 'History' }).getByText(/Published: https:\/\/www\.necs\.example\/news\/eaa-workshop/),
  ).toBeVisible();
  await expectAccessible(ict, 'website update');
  await screenshot(ict, 'website-update', true);

  // The queue, filtered to published updates, shows it with its SLA met
  await ict.goto(`${process.env.CONSOLE_URL as string}website-updates?status=published`);
  const row = ict.getByRole('row', { name: new RegExp(id) });
  await expect(row).toBeVisible();
  await expect(row.getByText('Published', { exact: true })).toBeVisible();
  await expect(row.getByText('Met')).toBeVisible();
  // The division by its name, not its id
  await expect(row.getByText('Legal Division', { exact: true })).toBeVisible();
  await expectAccessible(ict, 'website queue');
  await screenshot(ict, 'website-queue');
});

test('a common topic goes proposed → published → suggested on a new matching request, answered with the link', async ({
  browser,
}) => {
  // Prepare: two requests on noise levels answered with a file and archived as publishable (through the API)
  for (const subject of ['Noise levels near the Thimphu expressway', 'Night-time noise levels in Phuentsholing']) {
    const r = await callApi('ict.officer', 'POST', '/requests', {
      channel: 'web',
      requester: { name: 'Karma', email: 'karma@example.bt', kind: 'public' },
      subject,
      body: 'Please share.',
    });
    const ref = r.body.id as string;
    await callApi('ict.officer', 'POST', `/requests/${ref}/assign`, { division: 'ppd' });
    await callApi('spokesperson.ppd', 'POST', `/requests/${ref}/consultations`, {
      with: 'spokesperson',
      person: 'spokesperson.ppd',
      outcome: 'cleared',
    });
    await callApi('ppd.officer', 'POST', `/requests/${ref}/response`, {
      body: 'Attached.',
      disposition: 'full',
      attachments: [
        {
          filename: 'noise-2025.csv',
          contentType: 'text/csv',
          contentBase64: Buffer.from('site,db\nexpressway,71\n').toString('base64'),
        },
      ],
    });
    expect(
      (
        await callApi('ppd.officer', 'POST', `/requests/${ref}/archive`, {
          topics: ['Noise levels'],
          publishable: true,
        })
      ).status,
    ).toBe(200);
  }

  // Act: a planning officer proposes the topic from the common-requests report
  const ppd = await asUser(browser, 'ppd.officer', 'reports?tab=common');
  await ppd.getByRole('button', { name: /Propose for the website: noise levels/i }).click();
  await ppd.getByRole('dialog').getByRole('button', { name: 'Propose for the website' }).click();
  const proposed = ppd.getByRole('link', { name: /^WEB-\d{4}-\d{5}$/ });
  await expect(proposed).toBeVisible();
  const id = (await proposed.textContent()) as string;

  // ICT services find it with the responses' file, confirm it and publish it
  const ict = await asUser(browser, 'ict.officer', `website-updates/${id}`);
  await expect(ict.getByRole('button', { name: 'Download noise-2025.csv' })).toBeVisible();
  await expect(ict.getByText(/Publishable on the website/).first()).toBeVisible();
  await ict.getByRole('button', { name: 'Confirm complete' }).click();
  await ict.getByRole('dialog').getByRole('button', { name: 'Confirm complete' }).click();
  await expect(ict.getByText('Complete — to publish')).toBeVisible();
  await ict.getByRole('button', { name: 'Record published' }).click();
  await ict
    .getByRole('dialog')
    .getByLabel('Address of the page on the website')
    .fill('https://www.necs.example/data/noise-levels');
  await ict.getByRole('dialog').getByRole('button', { name: 'Record published' }).click();
  await expect(ict.getByRole('link', { name: 'https://www.necs.example/data/noise-levels' })).toBeVisible();
  // Straight to the Published tab, as ICT would: the list reads again once the projection has caught up.
  await ict.getByRole('navigation', { name: 'Navigation' }).getByRole('link', { name: 'Website updates' }).click();
  await ict.getByRole('tab', { name: 'Published' }).click();
  await expect(ict.getByRole('row', { name: /noise levels/i })).toBeVisible();
  await expectAccessible(ict, 'published');

  // A new request on the topic shows the published page; the officer answers with its link
  const fresh = await callApi('ict.officer', 'POST', '/requests', {
    channel: 'email',
    requester: { name: 'Pema', email: 'pema.noise@example.bt', kind: 'public' },
    subject: 'Noise levels by the school',
    body: '2025 figures please',
  });
  const ref = fresh.body.id as string;
  await ict.goto(`${process.env.CONSOLE_URL as string}requests/${ref}`);
  await expect(ict.getByText('Published on the website')).toBeVisible();
  await expect(ict.getByRole('link', { name: 'https://www.necs.example/data/noise-levels' })).toBeVisible();
  await expectAccessible(ict, 'request with a suggestion');
  await screenshot(ict, 'request-suggestion');
  await ict.getByRole('button', { name: /Answer with the published page: noise levels/i }).click();
  await ict.getByRole('dialog').getByRole('button', { name: 'Answer with the published page' }).click();

  // Assess: closed as answered, and the requester's reply gives the address
  await expect(ict.getByText('Closed', { exact: true })).toBeVisible();
  const reply = await mailTo(
    (m) => m.destination.to.includes('pema.noise@example.bt') && m.subject.startsWith('Response:'),
  );
  expect(reply.body.text).toContain('https://www.necs.example/data/noise-levels');
});
