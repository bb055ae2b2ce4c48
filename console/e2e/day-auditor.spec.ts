import { expect, test } from '@playwright/test';
import { atBothWidths, expectOnScreen } from './day.js';
import { callApi, listed, signIn } from './support.js';

test('a day in the life of an auditor: they land on a searchable list of requests, each opening its audit view', async ({
  page,
}) => {
  // Prepare: a request to audit, in a division and held by nobody (other specs count officers' desks), listed.
  const subject = 'Groundwater quality in Samtse';
  const created = await callApi<{ id: string }>('ict.officer', 'POST', '/requests', {
    channel: 'letter',
    requester: { name: 'Sangay Dema', kind: 'public' },
    subject,
    body: 'Test results, please.',
  });
  const ref = created.body.id;
  expect((await callApi('ict.officer', 'POST', `/requests/${ref}/assign`, { division: 'ppd' })).status).toBe(200);
  await listed(ref, `q=${ref}&division=ppd`, 'auditor');

  // Act: the auditor signs in.
  await signIn(page, 'auditor');

  // Assess: a list of requests to audit, no refusal; they search it by words of the subject.
  const list = page.getByRole('table', { name: 'Requests to audit' });
  await expect(list).toBeVisible();
  await expect(page.getByText(/may not/)).toHaveCount(0);
  await page.getByRole('searchbox', { name: 'Search' }).fill('groundwater samtse');
  await expect(page).toHaveURL(/q=groundwater/);
  const row = list.getByRole('row', { name: new RegExp(ref) });
  await atBothWidths(page, 'day-auditor-landing', async () => {
    await expect(row).toContainText(subject);
    await expectOnScreen(page, row.getByRole('link', { name: ref }));
  });

  // Act: the reference opens its audit view.
  await row.getByRole('link', { name: ref }).click();
  // Assess: the audit view of that request, focus on its heading; the deep link holds on reload.
  await expect(page).toHaveURL(new RegExp(`/console/audit/${ref}$`));
  await expect(page.getByRole('heading', { level: 1, name: `Audit: ${ref}` })).toBeFocused();
  await expect(page.getByTestId('asof-status')).toHaveText('Assigned');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: `Audit: ${ref}` })).toBeVisible();
  await atBothWidths(page, 'day-auditor-audit-view', async () => {
    await expect(page.getByRole('button', { name: 'Verify the chain' })).toBeVisible();
  });
});
