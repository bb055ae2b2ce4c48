import { afterEach, describe, expect, it } from '@jest/globals';
import nodemailer from 'nodemailer';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LocalStack } from '../../local/stack.js';
import { TEST_START } from '../support/clock.js';
import { mime } from '../support/mime.js';
import { outbox, startTestStack } from '../support/stack.js';

const INTAKE = 'requests@necs.example';
const stacks: LocalStack[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const s of stacks.splice(0)) await s.stop();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const dataDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'desk-durable-'));
  dirs.push(dir);
  return dir;
};
const started = async (options: Parameters<typeof startTestStack>[0] = {}) => {
  const stack = await startTestStack(options);
  stacks.push(stack);
  return stack;
};
const smtpTo = (stack: LocalStack) =>
  nodemailer.createTransport({ host: '127.0.0.1', port: stack.smtpPort, secure: false, ignoreTLS: true });
const acknowledged = async (stack: LocalStack, subject: string) =>
  (await outbox(stack)).filter((m) => m.subject.startsWith('Received:') && m.subject.endsWith(subject));

describe('SMTP answers 250 only once the mail is kept', () => {
  it('a mail accepted just before the stack stops becomes a request after it starts again', async () => {
    const dir = dataDir();
    const first = await started({ dataDir: dir });
    // The clock is kept in the data directory too, so it runs on across the restart
    first.clock.moveTo(new Date(TEST_START.getTime() + 60_000));
    const smtp = smtpTo(first);
    // Act: accepted (250), then the stack stops before intake has run (its queue lived in memory)
    const sent = await smtp.sendMail({
      from: 'Dechen <dechen@example.bt>',
      to: INTAKE,
      subject: 'Glacial lake survey 2025',
      text: 'Please share the survey.',
    });
    smtp.close();
    expect(sent.response).toMatch(/^250/);
    const tables = first.tableNames;
    await first.stop();
    stacks.splice(0);
    // Assess: started again on the same data, the mail is processed: one request, acknowledged
    const again = await started({ dataDir: dir, tableNames: tables });
    await again.settle();
    expect(await acknowledged(again, 'Glacial lake survey 2025')).toHaveLength(1);
    // …and nothing is left waiting to be driven again at the next start
    expect(await again.objects.list('pending')).toEqual([]);
  }, 90_000);

  it('answers 451 while it cannot keep the mail, and 250 once it can', async () => {
    const stack = await started({ dataDir: dataDir() });
    // Prepare: the place where accepted mail is marked cannot be written (a file where its folder goes)
    mkdirSync(join(stack.dataDir, 'objects'), { recursive: true });
    writeFileSync(join(stack.dataDir, 'objects', 'pending'), 'in the way');
    const smtp = smtpTo(stack);
    const mail = {
      from: 'Dechen <dechen@example.bt>',
      to: INTAKE,
      subject: 'Wetland map',
      text: 'Please share the map.',
      messageId: '<wetland-1@example.bt>',
    };
    // Act and assess: a temporary failure, so the sender tries again
    await expect(smtp.sendMail(mail)).rejects.toThrow(/451/);
    rmSync(join(stack.dataDir, 'objects', 'pending'));
    // …and keeps nothing of the refused copy, which the sender still has
    expect(await stack.objects.list('raw')).toEqual([]);
    const retried = await smtp.sendMail(mail);
    smtp.close();
    expect(retried.response).toMatch(/^250/);
    await stack.settle();
    expect(await acknowledged(stack, 'Wetland map')).toHaveLength(1);
  }, 60_000);
});

describe('desk intake redrive', () => {
  const desk = fileURLToPath(new URL('../../bin/desk.js', import.meta.url));
  const run = (stack: LocalStack, ...args: string[]) =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [desk, ...args], {
        env: {
          ...process.env,
          NODE_OPTIONS: '',
          DESK_DATA_DIR: stack.dataDir,
          DYNAMODB_ENDPOINT: stack.dynamodbEndpoint,
          EVENTS_TABLE: stack.tableNames.events,
          READ_MODEL_TABLE: stack.tableNames.readModels,
          REPLY_TOKEN_SECRET: stack.replySecret,
        },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      child.on('close', (status) => resolve({ status, stdout, stderr }));
    });

  it('processes raw mail left on disk that never became a request, once per Message-ID, and is safe to run twice', async () => {
    const stack = await started({ dataDir: dataDir() });
    // The CLI reads the stack's clock from its data directory
    stack.clock.moveTo(new Date(TEST_START.getTime() + 60 * 60_000));
    // Prepare: two raw copies of one mail (relayed twice) and one other, left by a transport that stopped
    const once = await mime({
      from: 'karma@example.bt',
      to: INTAKE,
      subject: 'Forest fire records',
      text: 'Records for 2025, please.',
      messageId: '<fire-1@example.bt>',
    });
    const relayed = Buffer.concat([Buffer.from('Received: from relay2.example.bt\r\n'), once]);
    const other = await mime({
      from: 'pema@example.bt',
      to: INTAKE,
      subject: 'River gauge readings',
      text: 'Readings for the Wangchhu.',
      messageId: '<gauge-1@example.bt>',
    });
    for (const [name, bytes] of [
      ['a', once],
      ['b', relayed],
      ['c', other],
    ] as const) {
      await stack.objects.put(`raw/2026-11-23/${name}.eml`, bytes, 'message/rfc822');
      utimesSync(join(stack.dataDir, 'objects', 'raw', '2026-11-23', `${name}.eml`), TEST_START, TEST_START);
    }
    // Act
    const first = await run(stack, 'intake', 'redrive', '--json');
    const second = await run(stack, 'intake', 'redrive', '--json');
    // Assess: two requests (one per Message-ID), the relayed copy a duplicate; the second run changes nothing
    expect(first.status).toBe(0);
    const summary = JSON.parse(first.stdout) as {
      examined: number;
      processed: { outcome: string; requestId?: string }[];
    };
    expect(summary.examined).toBe(3);
    expect(summary.processed).toHaveLength(3);
    expect(new Set(summary.processed.map((p) => p.requestId)).size).toBe(2);
    expect(JSON.parse(second.stdout)).toMatchObject({ examined: 3, alreadyRecorded: 3, processed: [] });
    await stack.settle();
    expect(await acknowledged(stack, 'Forest fire records')).toHaveLength(1);
    expect(await acknowledged(stack, 'River gauge readings')).toHaveLength(1);
  }, 90_000);
});
