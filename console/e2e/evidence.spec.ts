import { expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assignedRequest } from './scene.js';
import { callApi, expectAccessible, screenshot, signIn } from './support.js';

const verifier = join(import.meta.dirname, '..', '..', 'verifier', 'verify-proof.mjs');

/** Runs the standalone verifier the way an outside auditor would: plain node, no access to the system. */
const verify = (...args: string[]) => spawnSync(process.execPath, [verifier, ...args], { encoding: 'utf8' });

/** Writes an anchor now (the stack's close-of-office tick does the same) until it holds the request's head. */
const anchorHead = async (ref: string) => {
  // The acknowledgment is mailed asynchronously and recorded as MailSent: wait for it, so the head is settled.
  await expect
    .poll(
      async () =>
        (await callApi<{ events: { type: string }[] }>('auditor', 'GET', `/requests/${ref}/history`)).body.events.some(
          (e) => e.type === 'MailSent',
        ),
      { timeout: 30_000 },
    )
    .toBe(true);
  await expect
    .poll(
      async () => {
        expect((await fetch(`${process.env.API_URL as string}/_local/anchor`, { method: 'POST' })).status).toBe(200);
        const [proof, history] = await Promise.all([
          callApi<{ leaf?: { version: number } }>('auditor', 'GET', `/requests/${ref}/proof`),
          callApi<{ events: unknown[] }>('auditor', 'GET', `/requests/${ref}/history`),
        ]);
        return proof.body.leaf?.version === history.body.events.length;
      },
      { timeout: 30_000 },
    )
    .toBe(true);
};

test('an auditor sees that a request is covered by the latest anchor and downloads an evidence bundle the offline verifier accepts', async ({
  page,
}) => {
  // Prepare: a request, anchored.
  const ref = await assignedRequest('Environmental clearance, Gelephu');
  await anchorHead(ref);
  const { body: anchors } = await callApi<{ anchors: { sequence: number }[]; publicKey: { pem: string } }>(
    'auditor',
    'GET',
    '/anchors',
  );
  const latest = anchors.anchors.at(-1)?.sequence as number;

  // Act: the auditor opens the request's audit page and downloads the bundle.
  await signIn(page, 'auditor', `audit/${ref}`);
  await expect(page.getByTestId('anchor-standing')).toContainText(
    `The head of this request is covered by anchor #${latest}.`,
  );
  await expect(page.getByRole('row', { name: new RegExp(`^#${latest}\\b`) })).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download evidence bundle' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`${ref}.proof.json`);
  const dir = mkdtempSync(join(tmpdir(), 'evidence-'));
  const file = join(dir, download.suggestedFilename());
  await download.saveAs(file);

  // Assess: the verifier accepts it with the key published at GET /anchors, for this request only…
  writeFileSync(join(dir, 'anchor-key.pem'), anchors.publicKey.pem);
  const ok = verify(file, '--key', join(dir, 'anchor-key.pem'), '--stream', `request#${ref}`);
  expect(ok.stdout).toContain('VALID');
  expect(ok.status).toBe(0);
  // …and refuses the same bundle once one event in it is altered.
  const bundle = JSON.parse(readFileSync(file, 'utf8')) as { events: { data: Record<string, unknown> }[] };
  (bundle.events[0] as { data: Record<string, unknown> }).data.subject = 'Something else';
  writeFileSync(join(dir, 'altered.json'), JSON.stringify(bundle));
  expect(verify(join(dir, 'altered.json'), '--key', join(dir, 'anchor-key.pem')).status).toBe(1);
  // Without a key to trust, the untouched bundle passes every check but is not called valid (exit 2).
  const keyless = verify(file);
  expect(keyless.stdout).toContain('checked only against the key inside the bundle');
  expect(keyless.status).toBe(2);
  await expectAccessible(page, 'audit (evidence)');
  await screenshot(page, 'audit-evidence', true);

  // A later event is not covered until the next anchor, and the page says so.
  expect(
    (await callApi('legal.officer', 'POST', `/requests/${ref}/notes`, { text: 'Asked the division for the file.' }))
      .status,
  ).toBe(200);
  await page.reload();
  await expect(page.getByTestId('anchor-standing')).toContainText(
    /holds version \d+ of \d+: the events after it will be covered by the next anchor/,
  );
});
