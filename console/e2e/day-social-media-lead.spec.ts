import { expect, test } from '@playwright/test';
import { atBothWidths } from './day.js';
import { callApi, clockNow, consoleUrl, signIn } from './support.js';

const plan = {
  goals: 'Air quality alerts and clearance notices reach citizens the same day',
  audience: 'Citizens of Bhutan, the media, project proponents',
  risks: 'Impersonation; abusive comments',
  resources: 'The Communication Officer, two hours a day',
  measures: 'Followers a month; questions answered within five working days',
  governance: 'The Social Media Lead approves; the Secretary reads the monthly report',
};

test('a day in the life of the Social Media Lead: open incidents first, then an account taken from proposed to active, and its trail', async ({
  page,
}) => {
  // Prepare: an account a division proposed, and an active one with an open incident. Names unique per run.
  const tag = crypto.randomUUID().slice(0, 6);
  const lead = 'comms.officer';
  const proposed = await callApi<{ id: string }>('ppd.officer', 'POST', '/social/accounts', {
    platform: 'instagram',
    handle: `necs_air_${tag}`,
    purpose: 'Daily air quality for Thimphu',
    plan,
  });
  expect(proposed.status).toBe(201);
  const active = (
    await callApi<{ id: string }>('legal.officer', 'POST', '/social/accounts', {
      platform: 'facebook',
      handle: `NECSBhutan${tag}`,
      purpose: 'Public information on the environment',
      plan,
    })
  ).body.id;
  await callApi(lead, 'POST', `/social/accounts/${active}/assessment`, {
    termsReviewed: true,
    privacyRisks: 'Messages are held by Meta outside Bhutan',
    mitigations: 'No personal data in posts; answers by private message',
  });
  await callApi(lead, 'POST', `/social/accounts/${active}/approve`, {});
  await callApi(lead, 'POST', `/social/accounts/${active}/activate`, {});
  const incidentTitle = `A fake page copies our logo ${tag}`;
  expect(
    (
      await callApi('ppd.officer', 'POST', '/social/incidents', {
        account: active,
        severity: 'high',
        title: incidentTitle,
        description: 'Seen by a citizen who wrote to us',
      })
    ).status,
  ).toBe(201);

  // Act: the Lead signs in.
  await signIn(page, lead);

  // Assess: open incidents first, then the account waiting for their assessment.
  await atBothWidths(page, 'day-social-media-lead-landing', async () => {
    await expect(page.getByRole('heading', { name: /Open incidents/ })).toBeVisible();
    await expect(page.getByRole('link', { name: incidentTitle })).toBeVisible();
    await expect(page.getByRole('link', { name: `necs_air_${tag} (Instagram)` })).toBeVisible();
  });

  // Act: open the proposed account.
  await page.getByRole('link', { name: `necs_air_${tag} (Instagram)` }).click();
  // Assess: its plan, readable; not assessed, so no Approve yet.
  await expect(page.getByRole('heading', { level: 1, name: `necs_air_${tag} (Instagram)` })).toBeVisible();
  await expect(page.getByText(plan.goals)).toBeVisible();
  await expect(page.getByText(/Not assessed yet/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Approve' })).toHaveCount(0);

  // Act: record the terms review and privacy impact assessment, then approve and activate.
  await page.getByRole('button', { name: 'Record assessment' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText('I reviewed the platform’s terms of use').click();
  await dialog.getByLabel('Privacy risks').fill('Instagram keeps comments and messages abroad');
  await dialog.getByLabel('Mitigations').fill('No personal data in posts; moderation twice a day');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Instagram keeps comments and messages abroad')).toBeVisible();
  await page.getByRole('button', { name: 'Approve' }).click();
  await expect(page.getByText('Approved', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Activate' }).click();
  await expect(page.getByText('Active', { exact: true })).toBeVisible();

  // Act: record what the account shared this morning.
  const now = Date.parse(await clockNow());
  const localHourAgo = new Date(now + 6 * 3_600_000 - 3_600_000).toISOString().slice(0, 16);
  await page.getByRole('button', { name: 'Record a post' }).click();
  await dialog.getByLabel('Text').fill(`Air quality in Thimphu is moderate today ${tag}`);
  await dialog.getByLabel('Published at').fill(localHourAgo);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toHaveCount(0);
  await atBothWidths(page, 'day-social-media-lead-account', async () => {
    await expect(page.getByText('Active', { exact: true })).toBeVisible();
    await expect(page.getByText('Instagram keeps comments and messages abroad')).toBeVisible();
  });

  // Act: the record trail, on the Social media page.
  await page.goto(consoleUrl('social'));
  await page.getByRole('tab', { name: 'Record trail' }).click();
  // Assess: the post is in the trail, with who recorded it.
  await atBothWidths(page, 'day-social-media-lead-trail', async () => {
    await expect(page.getByText(`Air quality in Thimphu is moderate today ${tag}`)).toBeVisible();
  });
  await expect(page.getByRole('button', { name: 'Download CSV' })).toBeVisible();
});

test('any staff member proposes an official account with its plan from the console', async ({ page }) => {
  // Prepare
  const tag = crypto.randomUUID().slice(0, 6);
  await signIn(page, 'ppd.officer', 'social');
  // Act: the form, sent empty first.
  await page.getByRole('button', { name: 'Propose an account' }).click();
  await page.getByRole('button', { name: 'Propose the account' }).click();
  // Assess: each missing part of the plan is named beside its field; nothing is recorded.
  await expect(page.getByText('Required').first()).toBeVisible();
  await atBothWidths(page, 'social-propose-account');
  // Act: fill it in.
  await page.getByLabel('Name on the platform').fill(`necs_youtube_${tag}`);
  await page.getByLabel('Purpose', { exact: true }).fill('Short films on waste sorting');
  for (const [part, text] of Object.entries({
    Goals: plan.goals,
    Audience: plan.audience,
    'Risks and mitigations': plan.risks,
    Resources: plan.resources,
    Measures: plan.measures,
    Governance: plan.governance,
  }))
    await page.getByLabel(part, { exact: true }).fill(text);
  await page.getByRole('button', { name: 'Propose the account' }).click();
  // Assess: the account's page, proposed, its plan readable, and no life-cycle step for a division officer.
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(`necs_youtube_${tag}`) })).toBeVisible();
  await expect(page.getByText('Proposed', { exact: true })).toBeVisible();
  await expect(page.getByText(plan.governance)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Approve' })).toHaveCount(0);
});
