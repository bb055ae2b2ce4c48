import { expect, test } from '@playwright/test';
import { expectAccessible, screenshot, signIn } from './support.js';

// Every screen, for a role that may see it: axe finds no serious or critical violation, and deep links work on reload.
const screens: { user: string; path: string; heading: RegExp; shot?: string }[] = [
  { user: 'ict.officer', path: '', heading: /My work/ },
  { user: 'ict.officer', path: 'requests', heading: /Requests/ },
  { user: 'ict.officer', path: 'requests/new', heading: /New request/ },
  { user: 'ict.officer', path: 'holding-pen', heading: /Holding pen/ },
  { user: 'ict.head', path: 'calendar', heading: /Calendar/, shot: 'calendar' },
  { user: 'secretary', path: 'reports', heading: /Reports/, shot: 'reports' },
  { user: 'auditor', path: 'reports?tab=disclosures', heading: /Reports/ },
  { user: 'legal.officer', path: 'reports?tab=common', heading: /Reports/ },
  { user: 'auditor', path: 'audit', heading: /Audit/ },
  { user: 'ict.officer', path: 'website-updates', heading: /Website updates/ },
  { user: 'legal.officer', path: 'website-updates/new', heading: /New website update/ },
  { user: 'ict.officer', path: 'website-updates?tab=published', heading: /Website updates/ },
  { user: 'secretary', path: 'website-updates?tab=review', heading: /Website updates/, shot: 'website-review' },
];

for (const s of screens) {
  test(`${s.path || 'my work'} (${s.user}) is accessible and survives a reload`, async ({ page }) => {
    await signIn(page, s.user, s.path);
    await expect(page.getByRole('heading', { level: 1, name: s.heading })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: s.heading })).toBeVisible();
    await page.waitForLoadState('networkidle');
    await expectAccessible(page, s.path || 'my work');
    if (s.shot) await screenshot(page, s.shot, true);
  });
}

test('the calendar explains a due date day by day', async ({ page }) => {
  await signIn(page, 'legal.officer', 'calendar');
  await page.getByLabel('Received at').fill('2026-11-20T10:00');
  await page.getByRole('button', { name: 'Explain' }).click();
  await expect(page.getByText(/Working day 5/)).toBeVisible();
  await expect(page.getByText(/weekend/i).first()).toBeVisible();
});
