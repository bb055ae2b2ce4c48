import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import { computeDueDate } from '../../domain/calendar/due-date.js';
import type { LocalStack } from '../../local/stack.js';
import { caller, outbox, startTestStack } from '../support/stack.js';

let stack: LocalStack;
let api: ReturnType<typeof caller>;
/** A Monday at least a week ahead, 10:00 in Thimphu, with no holiday in the three weeks from it. */
let monday: DateTime;

beforeAll(async () => {
  stack = await startTestStack();
  api = caller(stack);
  const cal = stack.agency.calendar;
  monday = DateTime.fromJSDate(stack.clock.now(), { zone: 'Asia/Thimphu' })
    .plus({ weeks: 1 })
    .startOf('week')
    .set({ hour: 10 });
  const quiet = (m: DateTime) =>
    Array.from({ length: 21 }, (_, i) => m.plus({ days: i - 3 }).toISODate() as string).every((d) => !cal.holidayOn(d));
  while (!quiet(monday)) monday = monday.plus({ weeks: 1 });
}, 60_000);
afterAll(async () => stack.stop());

const at = (days: number, hour = 10, minute = 0) =>
  monday
    .plus({ days })
    .set({ hour, minute, second: 0, millisecond: 0 })
    .toISO({ suppressMilliseconds: true }) as string;
const moveTo = async (iso: string) => {
  const r = await fetch(`${stack.apiUrl}/_local/clock`, { method: 'POST', body: JSON.stringify({ now: iso }) });
  expect(r.status).toBe(200);
};
const scan = async () => {
  const r = await api('POST', '/sla/scan', { as: 'ict.head', body: {} });
  expect(r.status).toBe(200);
  await stack.settle();
  return r.body as { breached: string[]; atRisk: string[]; alertsQueued: number };
};
const websiteDigestsTo = async (email: string) =>
  (await outbox(stack)).filter((m) => m.destination.to.includes(email) && /website updates/i.test(m.subject));
const historyOf = async (id: string) => (await stack.core.websiteCommands.load(id)).events.map((e) => e.event);

describe('a division’s update on the website, on the local stack, moving the clock', () => {
  it('runs submitted → returned → resubmitted → complete → published, each clock alerting when late', async () => {
    // Prepare: Monday 10:00; the workshop was on Friday: due with ICT by Tuesday 17:00
    await moveTo(at(0));
    const friday = monday.minus({ days: 3 }).toISODate() as string;
    const submitted = await api('POST', '/website-updates', {
      as: 'legal.officer',
      body: {
        kind: 'event',
        title: 'Workshop on the Environmental Assessment Act',
        body: 'Held on Friday in Thimphu with 40 participants.',
        eventDate: friday,
        attachments: [
          {
            filename: 'photo.jpg',
            contentType: 'image/jpeg',
            contentBase64: Buffer.from('jpeg bytes').toString('base64'),
          },
        ],
      },
    });
    expect(submitted.status).toBe(201);
    const id = submitted.body.id as string;
    expect(id).toMatch(/^WEB-\d{4}-\d{5}$/);
    expect(submitted.body.dueAt).toBe(computeDueDate(stack.agency.calendar, `${friday}T00:00:00`, 2).dueAt);
    expect((await api('POST', `/website-updates/${id}/complete`, { as: 'legal.chief', body: {} })).status).toBe(403);

    // Act: ICT returns it as incomplete at 11:00 — the division's clock runs, ICT's does not
    await moveTo(at(0, 11));
    const returned = await api('POST', `/website-updates/${id}/return`, {
      as: 'ict.officer',
      body: { reason: 'No caption for the photograph' },
    });
    expect(returned.body).toMatchObject({ status: 'returned', clock: { kind: 'submission', division: 'legal' } });
    await stack.settle();

    // Tuesday: due today → at risk, to Legal's officers; Wednesday: breached → Legal's chief
    await moveTo(at(1, 9));
    expect((await scan()).atRisk).toContain(id);
    expect((await websiteDigestsTo('legal.officer@necs.example'))[0]?.body.text).toContain(id);
    await moveTo(at(2, 9));
    expect((await scan()).breached).toContain(id);
    const chief = await websiteDigestsTo('legal.chief@necs.example');
    expect(chief).toHaveLength(1);
    expect(chief[0]?.subject).toMatch(/^Website updates: 1 overdue, 0 due soon/);
    expect(chief[0]?.body.text).toMatch(
      new RegExp(`${id} \\| Overdue \\| 1 working day\\(s\\) overdue \\| Complete information: Workshop`),
    );
    // The link opens the update's page in the console, not a request's
    expect(chief[0]?.body.text).toContain(`/console/website-updates/${id}`);
    expect(chief[0]?.body.text).not.toContain(`/console/requests/${id}`);
    expect(chief[0]?.body.html).toContain(
      `href="http://127.0.0.1:${new URL(stack.apiUrl).port}/console/website-updates/${id}"`,
    );

    // The division resubmits Wednesday 10:00; ICT confirms complete at 11:00: published by Thursday 17:00
    await moveTo(at(2, 10));
    expect(
      (
        await api('POST', `/website-updates/${id}/resubmit`, {
          as: 'legal.officer',
          body: { body: 'With the caption.' },
        })
      ).body,
    ).toMatchObject({ status: 'submitted' });
    await moveTo(at(2, 11));
    const complete = await api('POST', `/website-updates/${id}/complete`, { as: 'ict.officer', body: {} });
    expect(complete.body).toMatchObject({
      status: 'complete',
      publicationDueAt: at(3, 17),
      clock: { kind: 'publication', division: 'ict' },
    });
    await stack.settle();

    // Thursday: ICT's clock at risk (ICT staff told); Friday: breached (ICT's chief told)
    await moveTo(at(3, 9));
    expect((await scan()).atRisk).toContain(id);
    expect((await websiteDigestsTo('ict.officer@necs.example')).at(-1)?.body.text).toMatch(
      new RegExp(`${id} \\| Due soon .*Publication: Workshop`),
    );
    await moveTo(at(4, 9));
    expect((await scan()).breached).toContain(id);
    expect((await websiteDigestsTo('ict.head@necs.example')).at(-1)?.body.text).toMatch(
      new RegExp(`${id} \\| Overdue \\| 1 working day\\(s\\) overdue \\| Publication`),
    );
    const again = await scan();
    expect(again.breached).toContain(id);
    expect(await websiteDigestsTo('ict.head@necs.example')).toHaveLength(1);

    // ICT records where it went live
    await moveTo(at(4, 12));
    const published = await api('POST', `/website-updates/${id}/published`, {
      as: 'ict.head',
      body: { url: 'https://www.necs.example/news/eaa-workshop' },
    });
    expect(published.body).toMatchObject({
      status: 'published',
      url: 'https://www.necs.example/news/eaa-workshop',
      sla: { submission: 'breached', publication: 'breached' },
    });
    await stack.settle();
    expect((await scan()).breached).not.toContain(id);

    // Assess: the queue and the history
    const queue = await api('GET', '/website-updates?status=published', { as: 'ppd.officer' });
    expect(queue.body.items).toEqual([
      expect.objectContaining({
        id,
        status: 'published',
        sla: { submission: 'breached', publication: 'breached', current: 'breached' },
      }),
    ]);
    const events = await historyOf(id);
    expect(
      events.filter((e) => e.type === 'WebsiteSlaBreached').map((e) => (e.data as { clock: string }).clock),
    ).toEqual(['submission', 'publication']);
    expect(
      events.filter((e) => e.type === 'WebsiteBreachAlertSent').map((e) => (e.data as { kind: string }).kind),
    ).toEqual(['at_risk', 'breached', 'at_risk', 'breached']);
  }, 90_000);

  it('counts an update handled in time as met on both clocks, and refuses bad input with a 4xx', async () => {
    await moveTo(at(7, 10));
    const r = await api('POST', '/website-updates', {
      as: 'ppd.chief',
      body: { kind: 'announcement', title: 'Office closed for Blessed Rainy Day', body: 'Closed.' },
    });
    expect(r.status).toBe(201);
    // No event date: due at once, at the moment of submission (the local clock runs on from where it was set).
    expect(Date.parse(r.body.dueAt as string) - Date.parse(at(7, 10))).toBeGreaterThanOrEqual(0);
    expect(Date.parse(r.body.dueAt as string) - Date.parse(at(7, 10))).toBeLessThan(60_000);
    const id = r.body.id as string;
    await api('POST', `/website-updates/${id}/complete`, { as: 'ict.head', body: {} });
    const done = await api('POST', `/website-updates/${id}/published`, {
      as: 'ict.officer',
      body: { url: 'https://www.necs.example/notices/1' },
    });
    expect(done.body).toMatchObject({ sla: { submission: 'met', publication: 'met', current: 'met' } });
    expect(
      (await api('POST', '/website-updates', { as: 'ppd.chief', body: { kind: 'gossip', title: 'x', body: 'y' } }))
        .status,
    ).toBe(400);
    expect(
      (
        await api('POST', `/website-updates/${id}/published`, {
          as: 'ict.officer',
          body: { url: 'javascript:alert(1)' },
        })
      ).status,
    ).toBe(400);
    expect(
      (await api('POST', '/website-updates/WEB-2026-99999/complete', { as: 'ict.officer', body: {} })).status,
    ).toBe(404);
    expect(
      (await api('POST', '/website-updates', { as: 'secretary', body: { kind: 'news', title: 'x', body: 'y' } }))
        .status,
    ).toBe(403);
  }, 60_000);
});

describe('from common requests to the website', () => {
  const answerAndArchive = async (subject: string) => {
    const r = await api('POST', '/requests', {
      as: 'ict.officer',
      body: {
        channel: 'web',
        requester: { name: 'Karma', email: 'karma@example.bt', kind: 'public' },
        subject,
        body: 'Please share.',
      },
    });
    const id = r.body.id as string;
    await api('POST', `/requests/${id}/assign`, { as: 'ict.officer', body: { division: 'ppd' } });
    await api('POST', `/requests/${id}/consultations`, {
      as: 'spokesperson.ppd',
      body: { with: 'spokesperson', person: 'spokesperson.ppd', outcome: 'cleared' },
    });
    await api('POST', `/requests/${id}/response`, {
      as: 'ppd.officer',
      body: {
        body: 'Attached.',
        disposition: 'full',
        attachments: [
          {
            filename: 'pm25-2025.csv',
            contentType: 'text/csv',
            contentBase64: Buffer.from('month,pm25\n2025-01,41\n').toString('base64'),
          },
        ],
      },
    });
    await api('POST', `/requests/${id}/archive`, {
      as: 'ppd.officer',
      body: { topics: ['Air quality'], publishable: true },
    });
    return id;
  };

  it('goes proposed → published → suggested on a new matching request, answered with the link', async () => {
    await moveTo(at(14, 10));
    const asked = [
      await answerAndArchive('Air quality data for Thimphu'),
      await answerAndArchive('PM2.5 air quality readings'),
    ];
    await stack.settle();

    // Act: a staff member proposes the topic for the website
    const proposed = await api('POST', '/reports/common-requests/propose', {
      as: 'ppd.officer',
      body: { topic: 'air quality' },
    });
    expect(proposed.status).toBe(201);
    const id = proposed.body.id as string;
    await stack.settle();
    const update = await api('GET', `/website-updates/${id}`, { as: 'ict.officer' });
    expect(update.body).toMatchObject({
      division: 'ict',
      topic: 'air quality',
      requestIds: [...asked].sort(),
      attachments: [expect.objectContaining({ filename: 'pm25-2025.csv', publishable: true })],
    });
    expect(
      (await api('POST', '/reports/common-requests/propose', { as: 'ppd.officer', body: { topic: 'air quality' } }))
        .status,
    ).toBe(409);
    expect(
      (await api('POST', '/reports/common-requests/propose', { as: 'ppd.officer', body: { topic: 'never asked' } }))
        .status,
    ).toBe(404);

    // ICT confirms and publishes it
    await api('POST', `/website-updates/${id}/complete`, { as: 'ict.officer', body: {} });
    await api('POST', `/website-updates/${id}/published`, {
      as: 'ict.head',
      body: { url: 'https://www.necs.example/data/air-quality' },
    });
    await stack.settle();
    const published = await api('GET', '/published');
    expect(published.status).toBe(200);
    expect(published.body.items).toEqual([
      expect.objectContaining({
        topic: 'air quality',
        url: 'https://www.necs.example/data/air-quality',
        requestsAnswered: 2,
      }),
    ]);

    // A new request on the topic carries the suggestion; one on another topic does not
    const fresh = await api('POST', '/requests', {
      as: 'ict.officer',
      body: {
        channel: 'email',
        requester: { name: 'Pema', email: 'pema@example.bt', kind: 'public' },
        subject: 'Request for air-quality figures',
        body: '2025 please',
      },
    });
    const other = await api('POST', '/requests', {
      as: 'ict.officer',
      body: {
        channel: 'email',
        requester: { name: 'Pema', email: 'pema@example.bt', kind: 'public' },
        subject: 'Water quality of the Wang Chhu',
        body: '?',
      },
    });
    await stack.settle();
    const view = await api('GET', `/requests/${fresh.body.id as string}`, { as: 'ict.officer' });
    expect(view.body.suggestions).toEqual([{ topic: 'air quality', url: 'https://www.necs.example/data/air-quality' }]);
    expect((await api('GET', `/requests/${other.body.id as string}`, { as: 'ict.officer' })).body.suggestions).toEqual(
      [],
    );

    // The officer answers with the link: closed as published, counts as responded, the requester gets the URL
    const answered = await api('POST', `/requests/${fresh.body.id as string}/close`, {
      as: 'ict.officer',
      body: { reason: 'published', url: 'https://www.necs.example/data/air-quality' },
    });
    expect(answered.body).toMatchObject({ status: 'closed', closeReason: 'published', sla: 'met' });
    expect(answered.body.respondedAt).not.toBeNull();
    expect(
      (
        await api('POST', `/requests/${other.body.id as string}/close`, {
          as: 'ict.officer',
          body: { reason: 'published' },
        })
      ).status,
    ).toBe(400);
    await stack.settle();
    const mail = (await outbox(stack)).find(
      (m) => m.destination.to.includes('pema@example.bt') && m.subject.startsWith('Response:'),
    );
    expect(mail?.body.text).toContain('https://www.necs.example/data/air-quality');
    expect(mail?.destination.cc).toContain('archive@necs.example');
  }, 90_000);
});

describe('the yearly website review', () => {
  it('mails the committee its pack once on the review date, and serves it to the console', async () => {
    // Prepare: a topic asked three times and never published; the review year covers the tests above
    await moveTo(at(21, 10));
    const archiveOn = async (subject: string) => {
      const r = await api('POST', '/requests', {
        as: 'ict.officer',
        body: { channel: 'letter', requester: { name: 'Sonam', kind: 'public' }, subject, body: '?' },
      });
      const id = r.body.id as string;
      await api('POST', `/requests/${id}/assign`, { as: 'ict.officer', body: { division: 'legal' } });
      await api('POST', `/requests/${id}/consultations`, {
        as: 'spokesperson.legal',
        body: { with: 'spokesperson', person: 'spokesperson.legal', outcome: 'cleared' },
      });
      await api('POST', `/requests/${id}/response`, {
        as: 'legal.officer',
        body: { body: 'Here.', disposition: 'full' },
      });
      await api('POST', `/requests/${id}/archive`, {
        as: 'legal.officer',
        body: { topics: ['forest cover'], publishable: false },
      });
    };
    for (const s of ['Forest cover 2024', 'Forest cover by dzongkhag', 'Forest cover maps']) await archiveOn(s);
    await stack.settle();
    const year = monday.month >= 7 ? monday.year + 1 : monday.year;
    let reviewDay = DateTime.fromISO(`${year}-07-01T10:00:00`, { zone: 'Asia/Thimphu' });
    while (!stack.agency.calendar.isWorkingDay(reviewDay.toISODate() as string))
      reviewDay = reviewDay.plus({ days: 1 });

    // Act: the day before, nothing; on the day, the pack goes out once
    await moveTo(reviewDay.minus({ days: 1 }).toISO() as string);
    expect(await stack.sendWebsiteReview()).toBe('not_due');
    await moveTo(reviewDay.toISO() as string);
    expect(await stack.sendWebsiteReview()).toBe('sent');
    expect(await stack.sendWebsiteReview()).toBe('already_sent');

    // Assess: the chair, the chiefs and the ICT head as coordinator, each once
    const packs = (await outbox(stack)).filter((m) => m.subject.startsWith(`Website review ${year}`));
    expect(packs.flatMap((m) => m.destination.to).sort()).toEqual([
      'ict.head@necs.example',
      'legal.chief@necs.example',
      'ppd.chief@necs.example',
      'secretary@necs.example',
    ]);
    expect(packs[0]?.body.text).toMatch(/not yet published: forest cover \(3\)/);
    const pack = await api('GET', `/reports/website-review?year=${year}`, { as: 'secretary' });
    expect(pack.status).toBe(200);
    expect(pack.body).toMatchObject({
      year,
      topicsToPublish: [expect.objectContaining({ topic: 'forest cover', count: 3 })],
      answeredFromWebsite: { count: 1 },
      website: expect.objectContaining({ submitted: 3, published: 3, publishedOnTime: 2 }),
      sent: { recipients: expect.arrayContaining(['secretary', 'ict.head']) },
    });
    expect(
      (pack.body.disclosuresByDivision as { division: string; responses: number }[]).find((d) => d.division === 'legal')
        ?.responses,
    ).toBe(3);
    expect((await api('GET', `/reports/website-review?year=${year}`, { as: 'legal.officer' })).status).toBe(403);
  }, 90_000);
});
