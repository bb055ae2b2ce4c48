import { describe, expect, it } from '@jest/globals';
import {
  acknowledgment,
  alertDigest,
  clarificationRequest,
  consultationNotice,
  dueDateMoved,
  humanDue,
  officialResponse,
  publishedAnswer,
  type DigestLine,
} from '../../../domain/mail/templates.js';

const ctx = {
  agencyName: 'National Environment Commission Secretariat',
  reference: 'NECS-2026-00001',
  requesterName: 'Karma Wangmo',
  subject: 'Air quality data for Thimphu, 2025',
  timeZone: 'Asia/Thimphu',
};
const footer =
  '\n\n--\nReference NECS-2026-00001 · National Environment Commission Secretariat\nPlease keep the reference in the subject when you reply.\n';

describe('mail to the requester', () => {
  it('acknowledges a request with its reference and the date the agency answers by', () => {
    const mail = acknowledgment(ctx, '2026-11-27T17:00:00+06:00', 5);
    expect(mail.subject).toBe('Received: [NECS-2026-00001] Air quality data for Thimphu, 2025');
    expect(mail.text).toBe(
      'Dear Karma Wangmo,\n\nThank you for your request to the National Environment Commission Secretariat. It has been registered under the reference NECS-2026-00001.\n\n' +
        `We will respond within 5 working days, by ${humanDue('2026-11-27T17:00:00+06:00', 'Asia/Thimphu')}. If we need more information from you, we will write to you, and the time until your answer does not count against this date.\n\n` +
        'With kind regards,\nNational Environment Commission Secretariat' +
        footer,
    );
    expect(humanDue('2026-11-27T17:00:00+06:00', 'Asia/Thimphu')).toBe(
      'Friday, 27 November 2026, 17:00 (Asia/Thimphu)',
    );
  });

  it('writes the same words as HTML, escaped, with line breaks kept', () => {
    const mail = clarificationRequest(
      { ...ctx, requesterName: 'Tom & "Jerry" <o\'neil>' },
      'Which stations?\nCore or all?',
    );
    expect(
      mail.html.startsWith(
        '<!doctype html><html><body style="font-family:Arial,sans-serif;line-height:1.5;color:#222"><p>Dear Tom &amp; &quot;Jerry&quot; &lt;o&#39;neil&gt;,</p>',
      ),
    ).toBe(true);
    expect(mail.html).toContain('<p>Which stations?<br>Core or all?</p>');
    expect(mail.html).toContain('<p>With kind regards,<br>National Environment Commission Secretariat</p>');
    expect(
      mail.html.endsWith(
        '<p style="color:#666;font-size:12px">Reference NECS-2026-00001 · National Environment Commission Secretariat. Please keep the reference in the subject when you reply.</p></body></html>',
      ),
    ).toBe(true);
    expect(mail.subject).toBe('Clarification needed: [NECS-2026-00001] Air quality data for Thimphu, 2025');
    expect(mail.text).toContain(
      'To answer your request NECS-2026-00001 we need a little more information:\n\nWhich stations?\nCore or all?\n\nPlease reply to this message. The time until we receive your answer is not counted in the response period.',
    );
  });

  it('keeps a subject to 200 characters, without trailing spaces', () => {
    expect(acknowledgment({ ...ctx, subject: 'x'.repeat(300) }, '2026-11-27T17:00:00+06:00', 5).subject).toHaveLength(
      200,
    );
    expect(acknowledgment({ ...ctx, subject: '' }, '2026-11-27T17:00:00+06:00', 5).subject).toBe(
      'Received: [NECS-2026-00001]',
    );
  });

  it('sends a full response as written, with what is attached named', () => {
    const mail = officialResponse(ctx, 'Please find the readings attached.', 'full', undefined, [
      'pm25-2025.csv',
      'stations.pdf',
    ]);
    expect(mail.subject).toBe('Response: [NECS-2026-00001] Air quality data for Thimphu, 2025');
    expect(mail.text).toBe(
      'Dear Karma Wangmo,\n\nPlease find the readings attached.\n\nAttached: pm25-2025.csv, stations.pdf.\n\nWith kind regards,\nNational Environment Commission Secretariat' +
        footer,
    );
    expect(officialResponse(ctx, 'Here.', 'full', undefined, []).text).not.toContain('Attached');
  });

  it('says why information is withheld or refused', () => {
    expect(officialResponse(ctx, 'Some of it.', 'partial', 'names of individuals', []).text).toContain(
      '\n\nSome of the information you asked for is withheld: names of individuals\n\n',
    );
    expect(officialResponse(ctx, 'No.', 'refused', 'under investigation', []).text).toContain(
      '\n\nWe are unable to provide the information you asked for: under investigation\n\n',
    );
    expect(officialResponse(ctx, 'No.', 'refused', undefined, []).text).toContain(
      'We are unable to provide the information you asked for: \n\n',
    );
  });

  it('points to a published page, with the officer’s note when there is one', () => {
    const mail = publishedAnswer(ctx, 'https://www.necs.example/data/air-quality', 'See the 2025 table.');
    expect(mail.text).toBe(
      'Dear Karma Wangmo,\n\nThank you for your request NECS-2026-00001. The information you asked for is published on our website, where anyone can read it at any time:\n\nhttps://www.necs.example/data/air-quality\n\nSee the 2025 table.\n\n' +
        'If it does not answer your question, please reply to this message and we will look into it further.\n\nWith kind regards,\nNational Environment Commission Secretariat' +
        footer,
    );
    expect(publishedAnswer(ctx, 'https://www.necs.example/x', undefined).text).toContain(
      'https://www.necs.example/x\n\nIf it does not answer',
    );
  });
});

describe('more mail to the requester, word for word', () => {
  it('gives the link to follow the request when the agency runs the portal', () => {
    const track = 'https://portal.necs.example/track/NECS-2026-00001?t=abc';
    const mail = acknowledgment(ctx, '2026-11-27T17:00:00+06:00', 5, track);
    expect(mail.text).toContain(
      'does not count against this date.\n\n' +
        `You can follow your request, read our replies and write to us here:\n${track}\n\n` +
        'With kind regards,',
    );
    expect(mail.html).toContain(
      '<p>You can follow your request, read our replies and write to us here:<br>https://portal.necs.example/track/NECS-2026-00001?t=abc</p>',
    );
  });

  it('writes every paragraph as HTML, one after the other, nothing between them', () => {
    const mail = clarificationRequest(ctx, 'Which stations?');
    expect(mail.html).toBe(
      '<!doctype html><html><body style="font-family:Arial,sans-serif;line-height:1.5;color:#222">' +
        '<p>Dear Karma Wangmo,</p><p>To answer your request NECS-2026-00001 we need a little more information:</p><p>Which stations?</p>' +
        '<p>Please reply to this message. The time until we receive your answer is not counted in the response period.</p>' +
        '<p>With kind regards,<br>National Environment Commission Secretariat</p>' +
        '<p style="color:#666;font-size:12px">Reference NECS-2026-00001 · National Environment Commission Secretariat. Please keep the reference in the subject when you reply.</p></body></html>',
    );
  });

  it('sends a response with nothing attached without any line about attachments', () => {
    expect(officialResponse(ctx, 'Here is the answer.', 'full', undefined, []).text).toBe(
      'Dear Karma Wangmo,\n\nHere is the answer.\n\nWith kind regards,\nNational Environment Commission Secretariat' +
        footer,
    );
  });

  it('titles an answer by published page as a response', () => {
    expect(publishedAnswer(ctx, 'https://www.necs.example/x', undefined).subject).toBe(
      'Response: [NECS-2026-00001] Air quality data for Thimphu, 2025',
    );
  });
});

describe('the mail telling a requester their due date moved', () => {
  const before = '2026-11-27T17:00:00+06:00';
  const after = '2026-11-30T17:00:00+06:00';
  const opening =
    'Dear Karma Wangmo,\n\nThe date by which we will respond to your request NECS-2026-00001 has changed. ' +
    'We will now respond by Monday, 30 November 2026, 17:00 (Asia/Thimphu); the date we gave you before was Friday, 27 November 2026, 17:00 (Asia/Thimphu).\n\n';
  const closing = '\n\nWith kind regards,\nNational Environment Commission Secretariat' + footer;

  it('gives the new date, the one it replaces, and the extension with its reason, in full', () => {
    const mail = dueDateMoved(ctx, before, after, {
      kind: 'extension',
      workingDays: 3,
      reason: 'records are archived',
    });
    expect(mail.subject).toBe('New due date: [NECS-2026-00001] Air quality data for Thimphu, 2025');
    expect(mail.text).toBe(
      opening +
        'The division handling your request has extended the time to respond by 3 working days, for this reason: records are archived' +
        closing,
    );
    expect(mail.html).toBe(
      '<!doctype html><html><body style="font-family:Arial,sans-serif;line-height:1.5;color:#222"><p>Dear Karma Wangmo,</p>' +
        '<p>The date by which we will respond to your request NECS-2026-00001 has changed. We will now respond by Monday, 30 November 2026, 17:00 (Asia/Thimphu); the date we gave you before was Friday, 27 November 2026, 17:00 (Asia/Thimphu).</p>' +
        '<p>The division handling your request has extended the time to respond by 3 working days, for this reason: records are archived</p>' +
        '<p>With kind regards,<br>National Environment Commission Secretariat</p>' +
        '<p style="color:#666;font-size:12px">Reference NECS-2026-00001 · National Environment Commission Secretariat. Please keep the reference in the subject when you reply.</p></body></html>',
    );
  });

  it('says "one working day", not "days", for an extension of one day', () => {
    expect(dueDateMoved(ctx, before, after, { kind: 'extension', workingDays: 1, reason: 'a site visit' }).text).toBe(
      opening +
        'The division handling your request has extended the time to respond by 1 working day, for this reason: a site visit' +
        closing,
    );
  });

  it('names a declared holiday by its date, without a time, and its name when it has one', () => {
    expect(
      dueDateMoved(ctx, before, after, { kind: 'holiday_declared', date: '2026-11-27', name: 'Descending Day' }).text,
    ).toBe(
      opening +
        'Friday, 27 November 2026 has been declared a public holiday (Descending Day), so it is not counted as a working day.' +
        closing,
    );
    expect(dueDateMoved(ctx, before, after, { kind: 'holiday_declared', date: '2026-12-17' }).text).toBe(
      opening +
        'Thursday, 17 December 2026 has been declared a public holiday, so it is not counted as a working day.' +
        closing,
    );
  });

  it('says a withdrawn holiday is a working day again', () => {
    expect(
      dueDateMoved(ctx, after, before, { kind: 'holiday_withdrawn', date: '2026-11-27', name: 'Descending Day' }).text,
    ).toContain(
      '\n\nThe holiday on Friday, 27 November 2026 (Descending Day) has been withdrawn, so that day is a working day again.\n\n',
    );
    expect(dueDateMoved(ctx, after, before, { kind: 'holiday_withdrawn', date: '2026-01-02' }).text).toContain(
      '\n\nThe holiday on Friday, 2 January 2026 has been withdrawn, so that day is a working day again.\n\n',
    );
  });

  it('says the government published its official holiday list', () => {
    expect(dueDateMoved(ctx, before, after, { kind: 'official_list_recorded', year: 2027 }).text).toBe(
      opening +
        "The government's official list of public holidays for 2027 has been published, and the days counted towards your request follow it." +
        closing,
    );
  });
});

describe('the notice asking a colleague for their view', () => {
  it('names the person, or the person and their stand-in, says where to record the view, and links the request page', () => {
    const page = 'https://desk.necs.example/console/requests/NECS-2026-00001';
    const own = consultationNotice(ctx, { person: 'spokesperson.legal', askedBy: 'legal.officer' }, page);
    expect(own.subject).toBe('View asked: [NECS-2026-00001] Air quality data for Thimphu, 2025');
    expect(own.text).toBe(
      'Dear spokesperson.legal,\n\nlegal.officer asks you for a view on information request NECS-2026-00001: "Air quality data for Thimphu, 2025".\n\n' +
        'To give the view, sign in to Request Desk and open the request (it is also in your work list, "My work"), read the question there and choose "Record my view". The response cannot be sent until the view is recorded.\n\n' +
        `The request in Request Desk: ${page}\n\n` +
        'A reply to this mail does not record a view: it goes to legal.officer only, never to the requester.\n\n— Request Desk, National Environment Commission Secretariat\n',
    );
    const away = consultationNotice(
      ctx,
      { person: 'spokesperson.legal', standIn: 'spokesperson.ppd', askedBy: 'legal.officer' },
      page,
    );
    expect(away.text).toContain(
      'Dear spokesperson.legal and spokesperson.ppd,\n\nlegal.officer asks spokesperson.legal for a view',
    );
    expect(away.text).toContain(
      'spokesperson.legal is on leave: spokesperson.ppd, standing in, may record the view in their own name.',
    );
    expect(away.html).toContain(
      '<p>legal.officer asks spokesperson.legal for a view on information request NECS-2026-00001: &quot;Air quality data for Thimphu, 2025&quot;.</p>',
    );
    expect(own.html).toContain(`<a href="${page}">Open NECS-2026-00001 in Request Desk</a>`);
  });
});

describe('the notice asking a colleague on leave and their stand-in', () => {
  const page = 'https://desk.necs.example/console/requests/NECS-2026-00001';
  const names = { person: 'spokesperson.legal', standIn: 'spokesperson.ppd', askedBy: 'legal.officer' };

  it('reads in full, the link after the paragraph on where to record the view', () => {
    const mail = consultationNotice(ctx, names, page);
    expect(mail.text).toBe(
      'Dear spokesperson.legal and spokesperson.ppd,\n\n' +
        'legal.officer asks spokesperson.legal for a view on information request NECS-2026-00001: "Air quality data for Thimphu, 2025".\n\n' +
        'spokesperson.legal is on leave: spokesperson.ppd, standing in, may record the view in their own name.\n\n' +
        'To give the view, sign in to Request Desk and open the request (it is also in your work list, "My work"), read the question there and choose "Record my view". The response cannot be sent until the view is recorded.\n\n' +
        `The request in Request Desk: ${page}\n\n` +
        'A reply to this mail does not record a view: it goes to legal.officer only, never to the requester.\n\n— Request Desk, National Environment Commission Secretariat\n',
    );
    expect(mail.html).toBe(
      '<!doctype html><html><body style="font-family:Arial,sans-serif;line-height:1.5;color:#222">' +
        '<p>Dear spokesperson.legal and spokesperson.ppd,</p>' +
        '<p>legal.officer asks spokesperson.legal for a view on information request NECS-2026-00001: &quot;Air quality data for Thimphu, 2025&quot;.</p>' +
        '<p>spokesperson.legal is on leave: spokesperson.ppd, standing in, may record the view in their own name.</p>' +
        '<p>To give the view, sign in to Request Desk and open the request (it is also in your work list, &quot;My work&quot;), read the question there and choose &quot;Record my view&quot;. The response cannot be sent until the view is recorded.</p>' +
        `<p><a href="${page}">Open NECS-2026-00001 in Request Desk</a></p>` +
        '<p>A reply to this mail does not record a view: it goes to legal.officer only, never to the requester.</p>' +
        '<p>— Request Desk, National Environment Commission Secretariat</p></body></html>',
    );
  });

  it('keeps its subject to 200 characters, without a trailing space when the request has no subject', () => {
    expect(consultationNotice({ ...ctx, subject: '' }, names, page).subject).toBe('View asked: [NECS-2026-00001]');
    expect(consultationNotice({ ...ctx, subject: 'x'.repeat(300) }, names, page).subject).toHaveLength(200);
  });
});

describe('the daily digest', () => {
  const line = (over: Partial<DigestLine>): DigestLine => ({
    kind: 'request',
    itemId: 'NECS-2026-00001',
    subject: 'Forest cover',
    requesterKind: 'public',
    alert: 'breached',
    workingDaysOverdue: 2,
    division: 'legal',
    assignee: 'legal.officer',
    dueAt: '2026-11-27T17:00:00+06:00',
    ...over,
  });
  const link = (id: string, kind?: string) =>
    `https://desk.necs.example/console/${kind === 'website' ? 'website' : 'requests'}/${id}`;
  const digest = (lines: DigestLine[], notices: string[] = []) =>
    alertDigest('NECS', 'Legal Chief', '2026-12-01', lines, link, 'Asia/Thimphu', notices);

  it('counts what is overdue and what is due soon in its subject', () => {
    const mail = digest([
      line({}),
      line({ itemId: 'NECS-2026-00002', alert: 'escalated' }),
      line({ itemId: 'NECS-2026-00003', alert: 'at_risk', workingDaysOverdue: 0 }),
    ]);
    expect(mail.subject).toMatch(/^Information requests: 2 overdue, 1 due soon/);
  });

  it('lists each request with its status, how late it is or when it is due, and who holds it', () => {
    const mail = digest([
      line({}),
      line({ itemId: 'NECS-2026-00003', alert: 'at_risk', workingDaysOverdue: 0, division: null, assignee: null }),
    ]);
    expect(mail.text).toContain('Dear Legal Chief,\n');
    expect(mail.text).toContain(
      'NECS-2026-00001 | Overdue | 2 working day(s) overdue | Forest cover | Member of the public | legal',
    );
    expect(mail.text).toContain(
      `NECS-2026-00003 | Due soon | due ${humanDue('2026-11-27T17:00:00+06:00', 'Asia/Thimphu')} | Forest cover | Member of the public | No division yet | Nobody yet`,
    );
    expect(mail.text).toContain(
      "These information requests need attention today. The agency's plan gives five working days to respond.",
    );
    expect(mail.text.endsWith('— Request Desk, NECS\n')).toBe(true);
    expect(mail.html).toContain(
      '<a href="https://desk.necs.example/console/requests/NECS-2026-00001">NECS-2026-00001</a>',
    );
    expect(mail.html).toContain('<td style="padding:4px 8px;border-bottom:1px solid #ddd">Overdue</td>');
    expect(mail.html).toContain(
      '<td style="padding:4px 8px;border-bottom:1px solid #ddd">No division yet</td><td style="padding:4px 8px;border-bottom:1px solid #ddd">Nobody yet</td>',
    );
  });

  it('names website updates as such', () => {
    const mail = digest([line({ kind: 'website', itemId: 'WEB-2026-00001', requesterKind: null })]);
    expect(mail.subject).toMatch(/^Website updates: 1 overdue, 0 due soon/);
    expect(mail.text).toContain('These website updates need attention today.');
    expect(mail.text).not.toContain('These information requests need attention');
    expect(mail.html).toContain('<a href="https://desk.necs.example/console/website/WEB-2026-00001">');
    expect(mail.html).toContain('<td style="padding:4px 8px;border-bottom:1px solid #ddd">Website update</td>');
    const both = digest([line({}), line({ kind: 'website', itemId: 'WEB-2026-00001', requesterKind: null })]);
    expect(both.subject).toMatch(/^Information requests and website updates: 2 overdue/);
  });

  it('still lists an item of a workflow it has no wording for, rather than leave it out', () => {
    const mail = digest([line({}), line({ kind: 'incident', itemId: 'INC-2026-00001', requesterKind: null })]);
    expect(mail.subject).toMatch(/^Information requests and other items: 2 overdue/);
    expect(mail.text).toContain('These other items need attention today.');
    expect(mail.text).toContain('INC-2026-00001 | Overdue | 2 working day(s) overdue | Forest cover | Other item');
    expect(mail.html).toContain('INC-2026-00001</a>');
  });

  it('carries the admins’ notices, alone when nothing is late', () => {
    const mail = digest([], ['Next year’s official holiday list is not recorded yet.']);
    expect(mail.text).toBe(
      'Dear Legal Chief,\n\nNext year’s official holiday list is not recorded yet.\n\n— Request Desk, NECS\n',
    );
    expect(mail.html).toContain('Next year’s official holiday list is not recorded yet.');
    expect(mail.subject).not.toMatch(/overdue/);
    expect(digest([line({})], ['A notice.']).text).toContain('Dear Legal Chief,\n\nA notice.\n\n');
  });

  it('reads in full, as text and as HTML, for a request due soon and a website update escalated, with a notice', () => {
    const mail = digest(
      [
        line({ subject: 'Forest <cover>', alert: 'at_risk', workingDaysOverdue: 0 }),
        line({
          kind: 'website',
          itemId: 'WEB-2026-00001',
          subject: 'Snow leopard day',
          requesterKind: null,
          alert: 'escalated',
          workingDaysOverdue: 4,
          division: 'ppd',
          assignee: null,
          dueAt: '2026-11-25T17:00:00+06:00',
        }),
      ],
      ['Holiday list <2027> missing.'],
    );
    const due = humanDue('2026-11-27T17:00:00+06:00', 'Asia/Thimphu');
    expect(mail.subject).toBe('Information requests and website updates: 1 overdue, 1 due soon (2026-12-01)');
    expect(mail.text).toBe(
      "Dear Legal Chief,\n\nHoliday list <2027> missing.\n\nThese information requests need attention today. The agency's plan gives five working days to respond.\n\n" +
        'Reference | Status | When | Subject | Requester | Division | Held by | Link\n' +
        `NECS-2026-00001 | Due soon | due ${due} | Forest <cover> | Member of the public | legal | legal.officer | https://desk.necs.example/console/requests/NECS-2026-00001\n\n` +
        'These website updates need attention today. The plan gives divisions two working days after an event to give ICT services the complete information, and ICT services one working day to publish it.\n\n' +
        'Update | Status | When | What is due | Kind | Division | Held by | Link\n' +
        'WEB-2026-00001 | Overdue — escalated | 4 working day(s) overdue | Snow leopard day | Website update | ppd | Nobody yet | https://desk.necs.example/console/website/WEB-2026-00001\n\n' +
        '— Request Desk, NECS\n',
    );
    const td = (s: string) => `<td style="padding:4px 8px;border-bottom:1px solid #ddd">${s}</td>`;
    const th = (s: string) => `<th style="text-align:left;padding:4px 8px">${s}</th>`;
    expect(mail.html).toBe(
      '<!doctype html><html><body style="font-family:Arial,sans-serif;color:#222"><p>Dear Legal Chief,</p><p><strong>Holiday list &lt;2027&gt; missing.</strong></p>' +
        '<p>These information requests and website updates need attention today (information requests: five working days to respond; website updates: two working days for the division, one for ICT services).</p>' +
        `<table style="border-collapse:collapse"><tr>${['Reference', 'Status', 'When', 'Subject', 'Requester', 'Division', 'Held by'].map(th).join('')}</tr>` +
        `<tr>${td('<a href="https://desk.necs.example/console/requests/NECS-2026-00001">NECS-2026-00001</a>')}${td('Due soon')}${td(`due ${due}`)}${td('Forest &lt;cover&gt;')}${td('Member of the public')}${td('legal')}${td('legal.officer')}</tr>` +
        `<tr>${td('<a href="https://desk.necs.example/console/website/WEB-2026-00001">WEB-2026-00001</a>')}${td('Overdue — escalated')}${td('4 working day(s) overdue')}${td('Snow leopard day')}${td('Website update')}${td('ppd')}${td('Nobody yet')}</tr>` +
        '</table><p style="color:#666;font-size:12px">Request Desk, NECS</p></body></html>',
    );
  });

  it('still counts zero of each when there is neither a late item nor a notice', () => {
    const mail = alertDigest('NECS', 'Legal Chief', '2026-12-01', [], link, 'Asia/Thimphu');
    expect(mail.subject).toBe('Information requests: 0 overdue, 0 due soon (2026-12-01)');
    expect(mail.text).toBe('Dear Legal Chief,\n\n— Request Desk, NECS\n');
  });

  it('lists requests alone, in full, with two notices, when no website update is late', () => {
    const mail = digest([line({})], ['First notice.', 'Second notice.']);
    expect(mail.text).toBe(
      "Dear Legal Chief,\n\nFirst notice.\n\nSecond notice.\n\nThese information requests need attention today. The agency's plan gives five working days to respond.\n\n" +
        'Reference | Status | When | Subject | Requester | Division | Held by | Link\n' +
        'NECS-2026-00001 | Overdue | 2 working day(s) overdue | Forest cover | Member of the public | legal | legal.officer | https://desk.necs.example/console/requests/NECS-2026-00001\n\n' +
        '— Request Desk, NECS\n',
    );
    const td = (s: string) => `<td style="padding:4px 8px;border-bottom:1px solid #ddd">${s}</td>`;
    const th = (s: string) => `<th style="text-align:left;padding:4px 8px">${s}</th>`;
    expect(mail.html).toBe(
      '<!doctype html><html><body style="font-family:Arial,sans-serif;color:#222"><p>Dear Legal Chief,</p><p><strong>First notice.</strong></p><p><strong>Second notice.</strong></p>' +
        "<p>These information requests need attention today. The agency's plan gives five working days to respond.</p>" +
        `<table style="border-collapse:collapse"><tr>${['Reference', 'Status', 'When', 'Subject', 'Requester', 'Division', 'Held by'].map(th).join('')}</tr>` +
        `<tr>${td('<a href="https://desk.necs.example/console/requests/NECS-2026-00001">NECS-2026-00001</a>')}${td('Overdue')}${td('2 working day(s) overdue')}${td('Forest cover')}${td('Member of the public')}${td('legal')}${td('legal.officer')}</tr>` +
        '</table><p style="color:#666;font-size:12px">Request Desk, NECS</p></body></html>',
    );
  });

  it('lists website updates alone, in full, when no request or other item is late', () => {
    const mail = digest([line({ kind: 'website', itemId: 'WEB-2026-00001', requesterKind: null })]);
    expect(mail.text).toBe(
      'Dear Legal Chief,\n\n' +
        'These website updates need attention today. The plan gives divisions two working days after an event to give ICT services the complete information, and ICT services one working day to publish it.\n\n' +
        'Update | Status | When | What is due | Kind | Division | Held by | Link\n' +
        'WEB-2026-00001 | Overdue | 2 working day(s) overdue | Forest cover | Website update | legal | legal.officer | https://desk.necs.example/console/website/WEB-2026-00001\n\n' +
        '— Request Desk, NECS\n',
    );
  });

  it('lists an item of another workflow alone, in full, under a table of its own', () => {
    const mail = digest([line({ kind: 'incident', itemId: 'INC-2026-00001', requesterKind: null })]);
    expect(mail.subject).toBe('Other items: 1 overdue, 0 due soon (2026-12-01)');
    expect(mail.text).toBe(
      'Dear Legal Chief,\n\nThese other items need attention today.\n\n' +
        'Item | Status | When | What is due | Kind | Division | Held by | Link\n' +
        'INC-2026-00001 | Overdue | 2 working day(s) overdue | Forest cover | Other item | legal | legal.officer | https://desk.necs.example/console/requests/INC-2026-00001\n\n' +
        '— Request Desk, NECS\n',
    );
  });

  it('carries two notices, one after the other, when nothing is late', () => {
    const mail = alertDigest('NECS', 'Admin', '2026-12-01', [], link, 'Asia/Thimphu', ['One.', 'Two.']);
    expect(mail.html).toBe(
      '<!doctype html><html><body style="font-family:Arial,sans-serif;color:#222"><p>Dear Admin,</p><p><strong>One.</strong></p><p><strong>Two.</strong></p><p style="color:#666;font-size:12px">Request Desk, NECS</p></body></html>',
    );
  });

  it('is a calendar notice, in full, when only a notice is due', () => {
    const mail = alertDigest('NECS', 'Admin', '2026-12-01', [], link, 'Asia/Thimphu', ['N & B']);
    expect(mail).toEqual({
      subject: 'Request Desk: calendar notice (2026-12-01)',
      text: 'Dear Admin,\n\nN & B\n\n— Request Desk, NECS\n',
      html: '<!doctype html><html><body style="font-family:Arial,sans-serif;color:#222"><p>Dear Admin,</p><p><strong>N &amp; B</strong></p><p style="color:#666;font-size:12px">Request Desk, NECS</p></body></html>',
    });
  });
});
