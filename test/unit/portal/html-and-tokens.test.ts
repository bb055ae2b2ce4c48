import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { replyToken } from '../../../domain/mail/reply-address.js';
import { isTrackingToken, trackingToken } from '../../../domain/portal/tracking-token.js';
import { authorize } from '../../../domain/request/policy.js';
import { initialState } from '../../../domain/request/state.js';
import { escapeHtml, html, raw } from '../../../portal/html.js';

describe('the portal’s template tag', () => {
  it('escapes every value that is not itself markup, in text and in attributes', () => {
    const evil = `<script>alert("x")</script>' onmouseover='x' \``;
    const out = html`<p title="${evil}">${evil}</p>${html`<b>${'&'}</b>`}${[1, '<i>']}${undefined}${false}`.value;
    expect(out).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39; onmouseover=&#39;x&#39; &#96;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39; onmouseover=&#39;x&#39; &#96;</p><b>&amp;</b>1&lt;i&gt;',
    );
    expect(html`${raw('<br>')}`.value).toBe('<br>');
  });

  it('leaves no character that could open a tag or end an attribute, for any text', () => {
    fc.assert(fc.property(fc.string(), (s) => expect(escapeHtml(s)).not.toMatch(/[<>"'`]/)));
  });
});

describe('the tracking token', () => {
  it('is a keyed hash of the reference, not the reply address’s token, and only the genuine one passes', () => {
    const token = trackingToken('k', 'NECS-2026-00001');
    expect(token).toMatch(/^[0-9a-f]{32}$/);
    expect(token.startsWith(replyToken('k', 'NECS-2026-00001'))).toBe(false);
    expect(isTrackingToken('k', 'NECS-2026-00001', token)).toBe(true);
    expect(isTrackingToken('k', 'NECS-2026-00002', token)).toBe(false);
    expect(isTrackingToken('other key', 'NECS-2026-00001', token)).toBe(false);
    expect(isTrackingToken('k', 'NECS-2026-00001', undefined)).toBe(false);
    expect(isTrackingToken('k', 'NECS-2026-00001', replyToken('k', 'NECS-2026-00001'))).toBe(false);
  });
});

describe('what a requester may do through the portal', () => {
  const requester = { kind: 'system' as const, component: 'requester' };
  it('is writing on their request and closing it, nothing else', () => {
    expect(authorize(requester, initialState(), 'ReceiveRequesterMessage')).toEqual(requester);
    expect(authorize(requester, initialState(), 'CloseRequest')).toEqual(requester);
    for (const type of [
      'SendResponse',
      'AddNote',
      'AssignRequest',
      'RecordMailSent',
      'CheckSla',
      'ExtendDeadline',
    ] as const) {
      expect(authorize(requester, initialState(), type)).toMatchObject({ code: 'FORBIDDEN' });
    }
  });
});
