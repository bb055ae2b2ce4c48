import { expect, test } from '@playwright/test';
import { signIn } from './support.js';

test('a month without responses says "No responses yet" instead of drawing zero working days', async ({ page }) => {
  // Act: the head of agency opens a month before the system held any request.
  await signIn(page, 'secretary', 'reports?month=2025-01');
  // Assess
  await expect(page.getByText('No responses yet')).toBeVisible();
  await expect(
    page.getByText('Working days to respond appear once a request in this period is answered.'),
  ).toBeVisible();
});
