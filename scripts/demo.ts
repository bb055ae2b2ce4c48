/**
 * `npm run demo` — against a running local stack (`npm start`): one request from intake to archive,
 * one into breach by moving the local clock; prints the history and the mail sent.
 */
const api = process.env.DEMO_API ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`;
const ses = process.env.DEMO_SES ?? 'http://127.0.0.1:8005';

interface Reply {
  status: number;
  body: Record<string, unknown>;
}

const call = async (method: string, path: string, as?: string, body?: unknown): Promise<Reply> => {
  const res = await fetch(`${api}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(as ? { authorization: `Bearer local:${as}` } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const reply = { status: res.status, body: (await res.json()) as Record<string, unknown> };
  if (res.status >= 400) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(reply.body)}`);
  return reply;
};
const step = (text: string) => console.log(`\n▸ ${text}`);
interface Mail {
  subject: string;
  destination: { to: string[]; cc: string[] };
  attachments: { filename?: string }[];
}
const mailsFor = async (ref: string): Promise<Mail[]> =>
  ((await (await fetch(`${ses}/store`)).json()) as { emails: Mail[] }).emails.filter((m) =>
    m.subject.includes(`[${ref}]`),
  );
const waitForMail = async (ref: string, count: number) => {
  for (let i = 0; i < 50 && (await mailsFor(ref)).length < count; i++) await new Promise((r) => setTimeout(r, 200));
  return mailsFor(ref);
};

try {
  await fetch(`${api}/calendar/due-date?receivedAt=2026-01-05T10:00:00Z`);
} catch {
  console.error(`desk demo: no local stack at ${api}; start it with \`npm start\` in another terminal`);
  process.exit(1);
}

console.log('Request Desk demo — NECS');
step('ict.officer registers a request that came in by email');
const created = await call('POST', '/requests', 'ict.officer', {
  channel: 'email',
  requester: { name: 'Karma Wangmo', email: 'karma.wangmo@example.bt', kind: 'public' },
  subject: 'Monthly PM2.5 readings for Thimphu, 2025',
  body: 'Dear NECS, could you share the monthly PM2.5 readings for Thimphu for 2025? Kind regards, Karma',
});
const ref = created.body.id as string;
console.log(`  ${ref}, due ${created.body.dueAt as string}`);

step('ict.officer assigns it to Legal (legal.officer holds it)');
await call('POST', `/requests/${ref}/assign`, 'ict.officer', { division: 'legal', assignee: 'legal.officer' });
step(
  'legal.officer consults the division chief and asks the media spokesperson for their view (mailed, in their work list)',
);
await call('POST', `/requests/${ref}/consultations`, 'legal.officer', {
  with: 'division',
  person: 'legal.chief',
  outcome: 'advice',
  note: 'share the published series only',
});
await call('POST', `/requests/${ref}/consultations/requested`, 'legal.officer', {
  person: 'spokesperson.legal',
  question: 'May we share the published PM2.5 series?',
});
step('spokesperson.legal records their own view: cleared (no one else may record it)');
await call('POST', `/requests/${ref}/consultations`, 'spokesperson.legal', {
  with: 'spokesperson',
  person: 'spokesperson.legal',
  outcome: 'cleared',
});
step('legal.officer sends the official response with the data attached');
const csv = 'month,pm25_ugm3\n2025-01,41\n2025-02,38\n2025-03,35\n';
const responded = await call('POST', `/requests/${ref}/response`, 'legal.officer', {
  body: 'Please find attached the monthly PM2.5 readings for Thimphu for 2025, as published by the Secretariat.',
  disposition: 'full',
  attachments: [
    { filename: 'thimphu-pm25-2025.csv', contentType: 'text/csv', contentBase64: Buffer.from(csv).toString('base64') },
  ],
});
console.log(`  status ${responded.body.status as string}, SLA ${responded.body.sla as string}`);
step('legal.officer archives it under its topics');
await call('POST', `/requests/${ref}/archive`, 'legal.officer', {
  topics: ['air quality', 'pm2.5'],
  publishable: true,
});

step('mail sent for it (local SES outbox)');
for (const m of await waitForMail(ref, 2)) {
  console.log(
    `  "${m.subject}" to ${m.destination.to.join(', ')}${m.destination.cc.length ? ` cc ${m.destination.cc.join(', ')}` : ''}${m.attachments.length ? ` [${m.attachments.map((a) => a.filename).join(', ')}]` : ''}`,
  );
}

step(`history of ${ref} (as the auditor sees it)`);
const history = await call('GET', `/requests/${ref}/history`, 'auditor');
for (const e of history.body.events as {
  version: number;
  occurredAt: string;
  type: string;
  actor: { kind: string; userId?: string; component?: string };
  hash: string;
}[]) {
  console.log(
    `  ${String(e.version).padStart(2)}  ${e.occurredAt}  ${e.type.padEnd(22)} ${(e.actor.userId ?? `system:${e.actor.component}`).padEnd(22)} ${e.hash.slice(0, 12)}`,
  );
}
const verified = await call('GET', `/requests/${ref}/verify`, 'auditor');
console.log(`  verify: ${JSON.stringify(verified.body)}`);

step('a second request, assigned to PPD, that nobody answers');
const late = await call('POST', '/requests', 'ict.officer', {
  channel: 'letter',
  requester: {
    name: 'Sonam Dorji',
    email: 'sonam@mohca.gov.bt',
    organization: 'Ministry of Home Affairs',
    kind: 'agency',
  },
  subject: 'Waste generation by dzongkhag, 2024',
  body: 'Request for the 2024 waste generation figures by dzongkhag.',
});
const lateRef = late.body.id as string;
await call('POST', `/requests/${lateRef}/assign`, 'ict.officer', { division: 'ppd', assignee: 'ppd.officer' });
const dueAt = late.body.dueAt as string;
console.log(
  `  ${lateRef}, due ${dueAt}; SLA now: ${(await call('GET', `/requests/${lateRef}`, 'ppd.chief')).body.sla as string}`,
);
step('the local clock moves past its due date');
const after = new Date(Date.parse(dueAt) + 60_000).toISOString();
const moved = await call('POST', '/_local/clock', undefined, { now: after });
console.log(`  clock: ${moved.body.now as string}`);
console.log(`  SLA of ${lateRef}: ${(await call('GET', `/requests/${lateRef}`, 'ppd.chief')).body.sla as string}`);
// The read models follow the events within a moment (projection lag); the list shows when they have.
for (let i = 0; i < 50; i++) {
  const listed = await call('GET', '/requests?sla=breached', 'ppd.chief');
  if ((listed.body.items as { id: string }[]).some((r) => r.id === lateRef)) break;
  await new Promise((r) => setTimeout(r, 100));
}
step('the breach scan runs (as the scheduler would each office hour)');
const scan = await call('POST', '/sla/scan', 'ict.head', {});
console.log(
  `  breached: ${(scan.body.breached as string[]).join(', ') || 'none'}; alert digests queued: ${scan.body.alertsQueued as number}`,
);
let digest: Mail | undefined;
for (let i = 0; i < 50 && !digest; i++) {
  await new Promise((r) => setTimeout(r, 200));
  digest = ((await (await fetch(`${ses}/store`)).json()) as { emails: Mail[] }).emails.find(
    (m) => m.destination.to.includes('ppd.chief@necs.example') && m.subject.startsWith('Information requests:'),
  );
}
console.log(
  digest
    ? `  digest to the PPD chief: "${digest.subject}"`
    : '  (no digest yet: the office may be closed at the moved clock, e.g. a weekend or holiday)',
);
await call('POST', '/sla/scan', 'ict.head', {});
await new Promise((r) => setTimeout(r, 1500));
const digests = ((await (await fetch(`${ses}/store`)).json()) as { emails: Mail[] }).emails.filter(
  (m) => m.destination.to.includes('ppd.chief@necs.example') && m.subject.startsWith('Information requests:'),
);
const lateHistory = await call('GET', `/requests/${lateRef}/history`, 'auditor');
const breaches = (lateHistory.body.events as { type: string }[]).filter((e) => e.type === 'SlaBreached').length;
console.log(
  `  after a second scan the same day: ${digests.length} digest(s) to the PPD chief, ${breaches} SlaBreached event(s) on ${lateRef}`,
);
