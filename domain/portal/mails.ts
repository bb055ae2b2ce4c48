import type { RenderedMail } from '../mail/templates.js';

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/**
 * The mail that asks someone who wrote on the portal to confirm: nothing is registered until they follow
 * the link and press the button (a link alone registers nothing, since mail scanners follow links).
 */
export const confirmationMail = (ctx: {
  agencyName: string;
  requesterName: string;
  subject: string;
  confirmUrl: string;
  validDays: number;
}): RenderedMail => {
  const paragraphs = [
    `Dear ${ctx.requesterName},`,
    `You asked the ${ctx.agencyName} for information: "${ctx.subject}".`,
    `To send your request, open this link and press "Send my request":`,
    ctx.confirmUrl,
    `The link works for ${ctx.validDays} days. If you did not write to us, ignore this mail: nothing will be registered.`,
    `With kind regards,\n${ctx.agencyName}`,
  ];
  return {
    subject: `Confirm your request: ${ctx.subject}`.slice(0, 200),
    text: `${paragraphs.join('\n\n')}\n`,
    html:
      `<!doctype html><html><body style="font-family:Arial,sans-serif;line-height:1.5;color:#222">` +
      paragraphs
        .map((p) =>
          p === ctx.confirmUrl
            ? `<p><a href="${escapeHtml(p)}">${escapeHtml(p)}</a></p>`
            : `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`,
        )
        .join('') +
      `</body></html>`,
  };
};
