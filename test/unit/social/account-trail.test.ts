import { describe, expect, it } from '@jest/globals';
import type { SocialAccount, SocialPost } from '../../../domain/social/account-state.js';
import { trailCsv, trailOf } from '../../../domain/social/trail.js';
import { PLAN } from '../../support/social-spec.js';

// The record trail of what the official accounts shared (`GET /social/posts`, and its CSV).
const post = (postNumber: number, publishedAt: string, more: Partial<SocialPost> = {}): SocialPost => ({
  postNumber,
  kind: 'post',
  text: `Post ${postNumber}`,
  publishedAt,
  recordedAt: '2026-12-01T10:00:00+06:00',
  recordedBy: 'comms.officer',
  ...more,
});

const account = (id: string, handle: string, posts: SocialPost[]): SocialAccount => ({
  status: 'active',
  id,
  platform: 'facebook',
  handle,
  purpose: 'Public information',
  plan: PLAN,
  proposedAt: '2026-11-23T10:00:00+06:00',
  proposedBy: 'legal.officer',
  evaluations: [],
  recorders: [],
  followers: {},
  posts,
  lastEventAt: '2026-12-01T10:00:00+06:00',
});

const page = account('SMA-2026-00001', 'NECSBhutan', [
  post(1, '2026-11-25T09:00:00+06:00', { url: 'https://www.facebook.com/NECSBhutan/posts/1' }),
  post(2, '2026-11-26T09:00:00+06:00', {
    kind: 'takedown',
    text: 'Removed an abusive comment',
    reason: 'Abusive language (moderation policy 3.2)',
    recordedBy: 'ppd.officer',
  }),
  post(3, '2026-11-26T09:00:00+06:00'),
]);
const x = account('SMA-2026-00002', 'NECS_BT', [post(1, '2026-11-26T03:00:00Z')]);

const numbers = (rows: ReturnType<typeof trailOf>) => rows.map((r) => `${r.account}#${r.postNumber}`);

describe('the record trail', () => {
  it('lists every post of every account with its account, link and takedown reason', () => {
    const rows = trailOf([page], {});
    expect(rows).toHaveLength(3);
    expect(rows[0]).toStrictEqual({
      account: 'SMA-2026-00001',
      handle: 'NECSBhutan',
      platform: 'facebook',
      postNumber: 1,
      kind: 'post',
      text: 'Post 1',
      url: 'https://www.facebook.com/NECSBhutan/posts/1',
      publishedAt: '2026-11-25T09:00:00+06:00',
      reason: null,
      recordedAt: '2026-12-01T10:00:00+06:00',
      recordedBy: 'comms.officer',
    });
    expect(rows[1]).toMatchObject({
      kind: 'takedown',
      url: null,
      reason: 'Abusive language (moderation policy 3.2)',
      recordedBy: 'ppd.officer',
    });
  });

  it('oldest first; at the same instant by account, then by number', () => {
    // 03:00 UTC on the 26th is 09:00 in Thimphu: the same instant as posts 2 and 3 of the page.
    expect(numbers(trailOf([x, page], {}))).toStrictEqual([
      'SMA-2026-00001#1',
      'SMA-2026-00001#2',
      'SMA-2026-00001#3',
      'SMA-2026-00002#1',
    ]);
    const reversed = account('SMA-2026-00001', 'NECSBhutan', [...page.posts].reverse());
    expect(numbers(trailOf([reversed], {}))).toStrictEqual([
      'SMA-2026-00001#1',
      'SMA-2026-00001#2',
      'SMA-2026-00001#3',
    ]);
  });

  it('a period takes what was published at or after its start and before its end, instants compared as instants', () => {
    expect(numbers(trailOf([page, x], { from: '2026-11-26T03:00:00Z' }))).toStrictEqual([
      'SMA-2026-00001#2',
      'SMA-2026-00001#3',
      'SMA-2026-00002#1',
    ]);
    expect(numbers(trailOf([page, x], { to: '2026-11-26T03:00:00Z' }))).toStrictEqual(['SMA-2026-00001#1']);
    expect(
      numbers(trailOf([page, x], { from: '2026-11-25T09:00:00+06:00', to: '2026-11-25T09:00:01+06:00' })),
    ).toStrictEqual(['SMA-2026-00001#1']);
    expect(trailOf([page, x], { from: '2026-11-25T09:00:01+06:00', to: '2026-11-26T09:00:00+06:00' })).toStrictEqual(
      [],
    );
  });

  it('as CSV: a header a person can read, one line per post, empty cells for no link or reason', () => {
    expect(trailCsv(trailOf([page], { to: '2026-11-26T09:00:01+06:00' }).slice(0, 2))).toBe(
      [
        'account,platform,handle,number,kind,published at,text,url,takedown reason,recorded at,recorded by',
        'SMA-2026-00001,facebook,NECSBhutan,1,post,2026-11-25T09:00:00+06:00,Post 1,https://www.facebook.com/NECSBhutan/posts/1,,2026-12-01T10:00:00+06:00,comms.officer',
        'SMA-2026-00001,facebook,NECSBhutan,2,takedown,2026-11-26T09:00:00+06:00,Removed an abusive comment,,Abusive language (moderation policy 3.2),2026-12-01T10:00:00+06:00,ppd.officer',
        '',
      ].join('\n'),
    );
  });
});
