import { expect, test } from '@playwright/test';
import { assignedRequest } from './scene.js';
import { callApi, clockNow, listed, signIn } from './support.js';

// The request lists page through the API (cursor) and search with the API's `q`: more requests than one
// page holds, found by a word of their subject, the search and the page count surviving a reload.
test('Requests: a search by URL finds every match across pages, and survives a reload', async ({ page }) => {
  // Prepare: 27 requests about Lingzhi (more than a page of 25), and one about something else.
  for (let i = 0; i < 27; i++) {
    const r = await callApi('ict.officer', 'POST', '/requests', {
      channel: 'phone',
      requester: { name: `Caller ${i}`, kind: 'public' },
      subject: `Lingzhi yak herders survey ${i}`,
      body: 'Please.',
    });
    expect(r.status).toBe(201);
  }
  const other = await assignedRequest('Glacier lake monitoring');
  await expect
    .poll(
      async () =>
        (await callApi<{ items: unknown[] }>('ict.officer', 'GET', '/requests?q=lingzhi&limit=200')).body.items.length,
      { timeout: 20_000 },
    )
    .toBe(27);
  await listed(other);

  // Act: a deep link with the search in it.
  await signIn(page, 'ict.officer', 'requests?q=lingzhi');

  // Assess: one full page of matches, the other request not among them; the count says more exist.
  const table = page.getByRole('table', { name: 'All requests' });
  await expect(table.getByRole('row')).toHaveCount(26);
  await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue('lingzhi');
  await expect(page.getByText('25+ matches').first()).toBeVisible();
  await expect(table.getByRole('row', { name: new RegExp(other) })).toHaveCount(0);

  // The next page comes from the API's cursor: the last two, and then no more pages.
  await page.getByRole('button', { name: 'Next page' }).first().click();
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(page.getByText('27 matches').first()).toBeVisible();

  // A reload keeps the search; a new search typed in the box goes to the URL and to the API.
  await page.reload();
  await expect(table.getByRole('row')).toHaveCount(26);
  await page.getByRole('searchbox', { name: 'Search' }).fill('glacier');
  await expect(page).toHaveURL(/q=glacier/);
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table.getByRole('row', { name: new RegExp(other) })).toBeVisible();

  // Filters combine with the search and stay in the URL.
  await page.getByRole('button', { name: /Channel/ }).click();
  await page.getByRole('option', { name: 'Phone' }).click();
  await expect(page).toHaveURL(/channel=phone/);
  await expect(page.getByText('No requests match.')).toBeVisible();
});

test("Requests: the received period, in the agency's days, is kept in the URL", async ({ page }) => {
  // Prepare: a request received now; its date in Thimphu (UTC+6).
  const ref = await assignedRequest('Sand mining along the Punatsangchhu');
  const today = new Date(Date.parse(await clockNow()) + 6 * 3_600_000).toISOString().slice(0, 10);
  const table = page.getByRole('table', { name: 'All requests' });
  await listed(ref, 'q=punatsangchhu');

  // Act and assess: a period that holds today finds it; one that ended before does not.
  await signIn(page, 'ict.officer', `requests?q=punatsangchhu&from=${today}&to=${today}`);
  await expect(table.getByRole('row', { name: new RegExp(ref) })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Received from' })).toHaveValue(today.replace(/-/g, '/'));
  await page.goto(`${process.env.CONSOLE_URL as string}requests?q=punatsangchhu&from=2020-01-01&to=2020-12-31`);
  await expect(page.getByText('No requests match.')).toBeVisible();
});

test('My work: what the API says I hold and is open, counted by SLA status', async ({ page }) => {
  // Prepare: two requests the PPD officer holds, one of them closed since, and one held by someone else.
  const held = await assignedRequest('Noise levels at Changlimithang', 'ppd', 'ppd.officer');
  const closed = await assignedRequest('Duplicate of the noise request', 'ppd', 'ppd.officer');
  expect((await callApi('ict.officer', 'POST', `/requests/${closed}/close`, { reason: 'duplicate' })).status).toBe(200);
  const elsewhere = await assignedRequest('Wetland survey, Phobjikha', 'legal', 'legal.officer');
  await listed(held, 'assignee=me&open=true', 'ppd.officer');
  await listed(closed, `q=${closed}&open=false`);
  await listed(elsewhere);

  // Act
  await signIn(page, 'ppd.officer');

  // Assess: only the open one I hold, counted as on track.
  const table = page.getByRole('table', { name: 'On my desk' });
  await expect(table.getByRole('row', { name: new RegExp(held) })).toBeVisible();
  await expect(table.getByRole('row', { name: new RegExp(closed) })).toHaveCount(0);
  await expect(table.getByRole('row', { name: new RegExp(elsewhere) })).toHaveCount(0);
  await expect(page.getByTestId('count-on_track')).toHaveText('1');
  await expect(page.getByTestId('count-breached')).toHaveText('0');
});

test('My work: a request I was asked for my view on is there, marked "Asked for your view"', async ({ page }) => {
  // Prepare: the PPD officer asks the PPD spokesperson for their view.
  const ref = await assignedRequest('Radio mast permits, Haa', 'ppd', 'ppd.officer');
  expect(
    (
      await callApi('ppd.officer', 'POST', `/requests/${ref}/consultations/requested`, {
        person: 'spokesperson.ppd',
        question: 'Can we release the permit list?',
      })
    ).status,
  ).toBe(200);
  await listed(ref, 'assignee=me&open=true', 'spokesperson.ppd');

  // Act
  await signIn(page, 'spokesperson.ppd');

  // Assess
  // (A spokesperson's desk is what waits for their view.)
  const row = page.getByRole('table', { name: 'Waiting for your view' }).getByRole('row', { name: new RegExp(ref) });
  await expect(row).toBeVisible();
  await expect(row).toContainText('Asked for your view');
});

test('roles come from GET /me: an appointment made at run time shows in the console at the next sign-in', async ({
  page,
}) => {
  // Prepare: the PPD chief is also made an administrator (the agency's config does not say so).
  const appoint = (roles: string[]) =>
    callApi('ict.head', 'POST', '/people/ppd.chief/roles', { roles, division: 'ppd' });
  expect((await appoint(['division_chief', 'admin'])).status).toBeLessThan(300);
  try {
    // Act
    await signIn(page, 'ppd.chief');
    // Assess: the administrator's screens are offered (the config alone would not offer Audit to a chief).
    await expect(page.getByRole('link', { name: 'Audit' })).toBeVisible();
  } finally {
    expect((await appoint(['division_chief'])).status).toBeLessThan(300);
  }
});
