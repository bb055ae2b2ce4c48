import { expect, test } from '@playwright/test';
import { atBothWidths, expectOnScreen } from './day.js';
import { callApi, clockNow, signIn } from './support.js';

type Report = {
  asOf: string;
  total: { received: number; breached: number; open: number };
  byDivision: Record<string, unknown>;
};

test('a day in the life of the head of agency: they land on the month’s figures and open the full report', async ({
  page,
}) => {
  // Prepare: a request received today; the month is the system's, in Thimphu. The report (a projection) counts it.
  const month = new Date(Date.parse(await clockNow()) + 6 * 3_600_000).toISOString().slice(0, 7);
  const report = async () => (await callApi<Report>('secretary', 'GET', `/reports/monthly?month=${month}`)).body;
  const before = (await report()).total.received;
  const created = await callApi<{ id: string }>('ict.officer', 'POST', '/requests', {
    channel: 'walk_in',
    requester: { name: 'Kinley Om', kind: 'public' },
    subject: 'Noise limits for Thimphu',
    body: 'The standard, please.',
  });
  expect(
    (await callApi('ict.officer', 'POST', `/requests/${created.body.id}/assign`, { division: 'ppd' })).status,
  ).toBe(200);
  await expect
    .poll(async () => `${(await report()).total.received} ${Object.keys((await report()).byDivision).join(',')}`, {
      timeout: 20_000,
    })
    .toMatch(new RegExp(`^${before + 1} .*ppd`));
  const expected = await report();
  const monthName = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${month}-01T00:00:00Z`),
  );

  // Act: the head of agency signs in.
  await signIn(page, 'secretary');

  // Assess: the agency's figures of this month, the same as the monthly report's, on a phone and a desktop.
  await atBothWidths(page, 'day-head-of-agency-landing', async () => {
    await expect(page.getByRole('heading', { name: `The agency in ${monthName}` })).toBeVisible();
    await expect(page.getByTestId('figure-received')).toHaveText(String(expected.total.received));
    await expect(page.getByTestId('figure-breached')).toHaveText(String(expected.total.breached));
    await expect(page.getByTestId('figure-open')).toHaveText(String(expected.total.open));
    await expectOnScreen(page, page.getByRole('button', { name: 'Open the full report' }));
  });
  await expect(page.getByText('…')).toHaveCount(0);

  // Act: the full report, from the figures.
  await page.getByRole('button', { name: 'Open the full report' }).click();
  // Assess: the month's report, focus on its heading, divisions by name.
  await expect(page).toHaveURL(new RegExp(`reports\\?month=${month}`));
  await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeFocused();
  await expect(page.getByRole('rowheader', { name: 'Policy and Planning Division' })).toBeVisible();
  await atBothWidths(page, 'day-head-of-agency-report', async () => {
    await expect(page.getByRole('heading', { name: `Monthly report ${month}` })).toBeVisible();
  });
});
