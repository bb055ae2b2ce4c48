import { expect, test } from '@playwright/test';
import { atBothWidths, daysAgo, ensureWorkingDay, expectOnScreen } from './day.js';
import { callApi, listed, mailTo, scanUntilBreached, signIn } from './support.js';

test('a day in the life of a division chief: alerted for a breach nobody holds, they land on it; the mail’s link opens signed in in another tab', async ({
  page,
  context,
}) => {
  // Prepare: a letter received three weeks ago, in Policy and Planning, held by nobody; on a working day the scan alerts the chief.
  const subject = 'Air quality readings for Pling';
  await ensureWorkingDay();
  const created = await callApi<{ id: string }>('ict.officer', 'POST', '/requests', {
    channel: 'letter',
    requester: { name: 'Dorji Wangmo', email: 'dorji@example.org', kind: 'public' },
    subject,
    body: 'Monthly PM2.5 readings, please.',
    receivedAt: await daysAgo(21),
  });
  const ref = created.body.id;
  expect((await callApi('ict.officer', 'POST', `/requests/${ref}/assign`, { division: 'ppd' })).status).toBe(200);
  // The scan reads a projection a second behind: it must know the division before the request is late.
  await listed(ref, `q=${ref}&division=ppd`);
  await scanUntilBreached([ref]);
  const alert = await mailTo(
    (m) => m.destination.to.includes('ppd.chief@necs.example') && (m.body.text ?? '').includes(ref),
  );
  const link = new RegExp(`https?://\\S+/console/requests/${ref}`).exec(alert.body.text ?? '')?.[0] as string;
  expect(link).toBeTruthy();

  // Act: the chief signs in.
  await signIn(page, 'ppd.chief');

  // Assess: they land on their division's breaches, this one first among them, held by nobody; the counts are counted.
  const breached = page.getByRole('table', { name: /Breached in Policy and Planning Division/ });
  const row = breached.getByRole('row', { name: new RegExp(ref) });
  await atBothWidths(page, 'day-chief-landing', async () => {
    await expect(page.getByRole('heading', { level: 1, name: 'My work' })).toBeVisible();
    await expect(row).toBeVisible();
    await expect(row).toContainText('Breached');
    await expect(row).toContainText(subject);
    await expect(page.getByTestId('count-breached')).toHaveText(/^[1-9]\d*\+?$/);
    await expectOnScreen(page, row.getByRole('link', { name: ref }));
  });
  await expect(page.getByText('No breaches. Well done.')).toHaveCount(0);

  // Act: the link from the alert mail, opened in another tab of the same browser.
  const tab = await context.newPage();
  await tab.goto(link);
  // Assess: signed in there too, on the request.
  await expect(tab.getByRole('heading', { level: 1, name: ref })).toBeVisible();
  await expect(tab.getByRole('heading', { name: /Sign in/ })).toHaveCount(0);

  // Act: back in the first tab, the chief opens the request from the list.
  await row.getByRole('link', { name: ref }).click();
  // Assess: focus moves to the new page's heading; a skip link leads there from the top.
  await expect(page.getByRole('heading', { level: 1, name: ref })).toBeFocused();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: ref })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: ref })).toBeFocused();
});
