import { describe, expect, it } from '@jest/globals';
import { confirmationMail } from '../../../domain/portal/mails.js';

/** The mail asking someone who wrote on the portal to confirm, word for word as they receive it. */

const URL = 'https://requests.necs.example/portal/confirm/AAAAb?x=1&y=2';
const ctx = {
  agencyName: 'National Environment Commission Secretariat',
  requesterName: 'Karma Dorji',
  subject: 'PM2.5 readings for Thimphu',
  confirmUrl: URL,
  validDays: 7,
};

describe('the portal’s confirmation mail', () => {
  it('names what was asked, gives the link and how long it works, and says nothing is registered without it', () => {
    const mail = confirmationMail(ctx);
    expect(mail.subject).toBe('Confirm your request: PM2.5 readings for Thimphu');
    expect(mail.text).toBe(
      'Dear Karma Dorji,\n\n' +
        'You asked the National Environment Commission Secretariat for information: "PM2.5 readings for Thimphu".\n\n' +
        'To send your request, open this link and press "Send my request":\n\n' +
        `${URL}\n\n` +
        'The link works for 7 days. If you did not write to us, ignore this mail: nothing will be registered.\n\n' +
        'With kind regards,\nNational Environment Commission Secretariat\n',
    );
  });

  it('shows the same words in HTML, the link as a link and the signature on two lines', () => {
    expect(confirmationMail(ctx).html).toBe(
      '<!doctype html><html><body style="font-family:Arial,sans-serif;line-height:1.5;color:#222">' +
        '<p>Dear Karma Dorji,</p>' +
        '<p>You asked the National Environment Commission Secretariat for information: &quot;PM2.5 readings for Thimphu&quot;.</p>' +
        '<p>To send your request, open this link and press &quot;Send my request&quot;:</p>' +
        '<p><a href="https://requests.necs.example/portal/confirm/AAAAb?x=1&amp;y=2">https://requests.necs.example/portal/confirm/AAAAb?x=1&amp;y=2</a></p>' +
        '<p>The link works for 7 days. If you did not write to us, ignore this mail: nothing will be registered.</p>' +
        '<p>With kind regards,<br>National Environment Commission Secretariat</p>' +
        '</body></html>',
    );
  });

  it('shows what the person typed as text in the HTML, never as markup', () => {
    const html = confirmationMail({
      ...ctx,
      requesterName: `<b>O'Neil & "Sons"</b>`,
      subject: `Tom & Jerry's <script>alert(1)</script>`,
    }).html;
    expect(html).toContain('<p>Dear &lt;b&gt;O&#39;Neil &amp; &quot;Sons&quot;&lt;/b&gt;,</p>');
    expect(html).toContain('&quot;Tom &amp; Jerry&#39;s &lt;script&gt;alert(1)&lt;/script&gt;&quot;');
    expect(html).not.toContain('<script>');
  });

  it('keeps the mail’s subject line to 200 characters however long the request’s subject', () => {
    const subject = confirmationMail({ ...ctx, subject: 'Air '.repeat(100) }).subject;
    expect(subject).toBe(`Confirm your request: ${'Air '.repeat(100)}`.slice(0, 200));
    expect(subject).toHaveLength(200);
  });
});
