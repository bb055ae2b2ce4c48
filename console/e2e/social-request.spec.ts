import { expect, test } from '@playwright/test';
import { createHmac } from 'node:crypto';
import { callApi, expectAccessible, screenshot, signIn } from './support.js';

test('a Facebook message reads as a Facebook message on the request page, and its answer as sent privately', async ({
  page,
}) => {
  // Prepare: a signed message arrives through Meta's webhook.
  const body = JSON.stringify({
    object: 'page',
    entry: [
      {
        id: '104567890123456',
        time: 1795410000000,
        messaging: [
          {
            sender: { id: '6781234567890123' },
            recipient: { id: '104567890123456' },
            timestamp: 1795410000000,
            message: { mid: 'm_e2e-social-page', text: 'Could you share the Wang Chhu water readings for 2026?' },
          },
        ],
      },
    ],
  });
  const signature = `sha256=${createHmac('sha256', 'local-app-secret').update(body).digest('hex')}`;
  const res = await fetch(`${process.env.API_URL as string}/social/inbound/facebook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature },
    body,
  });
  expect(res.status).toBe(200);
  let ref = '';
  await expect
    .poll(async () => {
      const found = await callApi<{ items: { id: string }[] }>('ict.officer', 'GET', '/requests?channel=social');
      ref = found.body.items[0]?.id ?? '';
      return ref;
    })
    .not.toBe('');
  // Act
  await signIn(page, 'ict.officer', `/requests/${ref}`);
  // Assess
  await expect(page.getByRole('heading', { name: 'Facebook message from Facebook user ending 0123' })).toBeVisible();
  await expect(page.getByText(/as a private Facebook message to Facebook user ending 0123/)).toBeVisible({
    timeout: 20_000,
  });
  await expectAccessible(page, 'social request');
  await screenshot(page, 'social-request', true);
});
