import { describe, expect, it } from '@jest/globals';
import { DomainError } from '../../../domain/shared/errors.js';
import type { SocialAccountEvent } from '../../../events/social-events.js';
import {
  ACCOUNT,
  PLAN,
  anActiveAccount,
  givenAccount,
  leadActivates,
  leadApproves,
  leadAssesses,
  legalProposesFacebookPage,
  onAccount,
  playAccount,
} from '../../support/social-spec.js';

// The rules of one official account, command by command, in the words of the plan's clause 9.
const lead = { kind: 'user', userId: 'comms.officer', role: 'social_media_lead' };
const later = '2026-12-01T10:00:00+06:00';

const proposed = () => playAccount([legalProposesFacebookPage()]);
const approved = () => playAccount([legalProposesFacebookPage(), leadAssesses(), leadApproves()]);
const retired = (): SocialAccountEvent[] => [
  ...anActiveAccount(),
  ...playAccount([]),
  {
    type: 'SocialAccountRetired',
    schemaVersion: 1,
    occurredAt: '2026-11-30T10:00:00+06:00',
    actor: lead,
    data: { reason: 'Merged into the main page' },
  } as SocialAccountEvent,
];

/** The refusal's code, message and details, as the API returns them. */
const refusal = (result: unknown) => {
  expect(result).toBeInstanceOf(DomainError);
  const e = result as DomainError;
  return { code: e.code, message: e.message, details: e.details };
};

describe('proposing an account', () => {
  it('records the page address when one is given, and none when not', () => {
    givenAccount([])
      .when(legalProposesFacebookPage())
      .then([
        {
          type: 'SocialAccountProposed',
          schemaVersion: 1,
          occurredAt: '2026-11-23T10:00:00+06:00',
          actor: { kind: 'user', userId: 'legal.officer', role: 'division_officer' },
          data: {
            accountId: ACCOUNT,
            platform: 'facebook',
            handle: 'NECSBhutan',
            url: 'https://www.facebook.com/NECSBhutan',
            purpose: 'Public information on the environment',
            plan: PLAN,
          },
        },
      ]);
    const withoutUrl = legalProposesFacebookPage();
    const { url: _url, ...data } = withoutUrl.data as { url?: string };
    const result = givenAccount([]).when({ ...withoutUrl, data } as typeof withoutUrl).result as SocialAccountEvent[];
    expect(result[0]?.data).not.toHaveProperty('url');
  });

  it('an account already in the register is not proposed again', () => {
    expect(refusal(givenAccount(proposed()).when(legalProposesFacebookPage(later)).result)).toMatchObject({
      code: 'ALREADY_EXISTS',
      message: `account ${ACCOUNT} already exists`,
    });
  });

  it('a command on an account not in the register is a not-found', () => {
    expect(refusal(givenAccount([]).when(leadApproves()).result)).toMatchObject({
      code: 'SOCIAL_ACCOUNT_NOT_FOUND',
      message: 'no such account',
    });
  });
});

describe('the terms review and privacy impact assessment', () => {
  const assessment = (data: Record<string, unknown>) =>
    onAccount('RecordAssessment', data as never, 'comms.officer', later);
  const full = {
    termsReviewed: true,
    privacyRisks: 'Meta processes messages outside Bhutan',
    mitigations: 'No personal data in posts',
  };

  it('is recorded as reviewed, with its risks and mitigations', () => {
    givenAccount(proposed())
      .when(assessment(full))
      .then([
        {
          type: 'SocialAccountAssessed',
          schemaVersion: 1,
          occurredAt: later,
          actor: lead,
          data: { termsReviewed: true, privacyRisks: full.privacyRisks, mitigations: full.mitigations },
        },
      ]);
  });

  it('may be recorded again once approved or active, to keep it current', () => {
    givenAccount(approved())
      .when(assessment(full))
      .then([expect.objectContaining({ type: 'SocialAccountAssessed' })]);
    givenAccount(anActiveAccount())
      .when(assessment(full))
      .then([expect.objectContaining({ type: 'SocialAccountAssessed' })]);
  });

  it('is refused for a retired account, saying why', () => {
    expect(refusal(givenAccount(retired()).when(assessment(full)).result)).toStrictEqual({
      code: 'INVALID_TRANSITION',
      message: `cannot record an assessment: account ${ACCOUNT} is retired`,
      details: { status: 'retired', allowedStatuses: ['proposed', 'approved', 'active'] },
    });
  });

  it.each([
    ['the terms were not reviewed', { ...full, termsReviewed: false }],
    ['no privacy risk is named', { ...full, privacyRisks: '   ' }],
    ['no mitigation is named', { ...full, mitigations: '' }],
  ])('is refused when %s', (_why, data) => {
    expect(refusal(givenAccount(proposed()).when(assessment(data)).result)).toMatchObject({
      code: 'INVALID_INPUT',
      message: 'an assessment reviews the platform’s terms and names the privacy risks and their mitigations',
    });
  });
});

describe('approval and activation', () => {
  it('an active account is not approved again', () => {
    expect(refusal(givenAccount(anActiveAccount()).when(leadApproves(later)).result)).toMatchObject({
      code: 'INVALID_TRANSITION',
      message: `cannot approve it: account ${ACCOUNT} is active`,
    });
  });

  it('activating an active account changes nothing', () => {
    givenAccount(anActiveAccount()).when(leadActivates(later)).thenNothingHappens();
  });

  it('a proposed account is not activated, saying why', () => {
    expect(refusal(givenAccount(proposed()).when(leadActivates(later)).result)).toMatchObject({
      code: 'INVALID_TRANSITION',
      message: `cannot activate it: account ${ACCOUNT} is proposed`,
    });
  });
});

describe('yearly evaluations', () => {
  const evaluation = (period: string, findings: string, now = '2027-11-22T10:00:00+06:00') =>
    onAccount('EvaluateAccount', { period, findings }, 'comms.officer', now);
  const evaluated = () => [...anActiveAccount(), ...givenAccountEvents(evaluation('2026-27', 'Reach doubled'))];
  const givenAccountEvents = (command: ReturnType<typeof evaluation>) =>
    givenAccount(anActiveAccount()).when(command).result as SocialAccountEvent[];

  it('an account not yet active is not evaluated', () => {
    expect(refusal(givenAccount(approved()).when(evaluation('2026-27', 'Reach doubled')).result)).toMatchObject({
      code: 'INVALID_TRANSITION',
      message: `cannot evaluate it: account ${ACCOUNT} is approved`,
    });
  });

  it.each([
    ['no period', '  ', 'Reach doubled'],
    ['no findings', '2026-27', ''],
  ])('an evaluation with %s is refused', (_why, period, findings) => {
    expect(refusal(givenAccount(anActiveAccount()).when(evaluation(period, findings)).result)).toMatchObject({
      code: 'INVALID_INPUT',
      message: 'an evaluation names its period and its findings',
    });
  });

  it('the same evaluation recorded twice is recorded once', () => {
    givenAccount(evaluated()).when(evaluation('2026-27', 'Reach doubled')).thenNothingHappens();
  });

  it('another period, or other findings for the same period, are recorded', () => {
    givenAccount(evaluated())
      .when(evaluation('2027-28', 'Reach doubled', '2028-11-20T10:00:00+06:00'))
      .then([
        expect.objectContaining({
          type: 'SocialAccountEvaluated',
          data: { period: '2027-28', findings: 'Reach doubled', nextEvaluationDueAt: '2029-11-20T17:00:00+06:00' },
        }),
      ]);
    givenAccount(evaluated())
      .when(evaluation('2026-27', 'Reach tripled'))
      .then([
        expect.objectContaining({
          type: 'SocialAccountEvaluated',
          data: { period: '2026-27', findings: 'Reach tripled', nextEvaluationDueAt: '2028-11-22T17:00:00+06:00' },
        }),
      ]);
  });
});

describe('retiring an account', () => {
  it('retiring it twice changes nothing', () => {
    givenAccount(retired())
      .when(onAccount('RetireAccount', { reason: 'Closed' }, 'comms.officer', later))
      .thenNothingHappens();
  });

  it('records the reason', () => {
    givenAccount(anActiveAccount())
      .when(onAccount('RetireAccount', { reason: 'Closed' }, 'comms.officer', later))
      .then([
        { type: 'SocialAccountRetired', schemaVersion: 1, occurredAt: later, actor: lead, data: { reason: 'Closed' } },
      ]);
  });
});

describe('the recorders the Lead names', () => {
  const name = (recorders: string[]) => onAccount('NameRecorders', { recorders }, 'comms.officer', later);

  it('are listed once each, in order, whatever order the Lead gave', () => {
    givenAccount(anActiveAccount())
      .when(name(['ppd.officer', 'legal.officer', 'ppd.officer']))
      .then([
        {
          type: 'SocialRecordersNamed',
          schemaVersion: 1,
          occurredAt: later,
          actor: lead,
          data: { recorders: ['legal.officer', 'ppd.officer'] },
        },
      ]);
  });

  it('naming the same people again, in any order, changes nothing', () => {
    const named: SocialAccountEvent = {
      type: 'SocialRecordersNamed',
      schemaVersion: 1,
      occurredAt: '2026-11-25T10:00:00+06:00',
      actor: lead,
      data: { recorders: ['ppd.officer', 'legal.officer'] },
    } as SocialAccountEvent;
    givenAccount([...anActiveAccount(), named])
      .when(name(['legal.officer', 'ppd.officer']))
      .thenNothingHappens();
  });

  it('naming nobody on an account with recorders removes them', () => {
    const named = givenAccount(anActiveAccount()).when(name(['ppd.officer'])).result as SocialAccountEvent[];
    givenAccount([...anActiveAccount(), ...named])
      .when(name([]))
      .then([expect.objectContaining({ type: 'SocialRecordersNamed', data: { recorders: [] } })]);
  });

  it('may be named as soon as the account is proposed, or once approved', () => {
    givenAccount(proposed())
      .when(name(['ppd.officer']))
      .then([expect.objectContaining({ type: 'SocialRecordersNamed', data: { recorders: ['ppd.officer'] } })]);
    givenAccount(approved())
      .when(name(['ppd.officer']))
      .then([expect.objectContaining({ type: 'SocialRecordersNamed', data: { recorders: ['ppd.officer'] } })]);
  });

  it('every person not in the directory is named in the refusal', () => {
    expect(
      refusal(givenAccount(anActiveAccount()).when(name(['nobody', 'ppd.officer', 'ghost'])).result),
    ).toMatchObject({
      code: 'UNKNOWN_PERSON',
      message: 'not active staff: nobody, ghost',
    });
  });

  it('are not named for a retired account', () => {
    expect(refusal(givenAccount(retired()).when(name(['ppd.officer'])).result)).toMatchObject({
      code: 'INVALID_TRANSITION',
      message: `cannot name its recorders: account ${ACCOUNT} is retired`,
    });
  });

  it('a person not in the directory is named in the refusal', () => {
    expect(refusal(givenAccount(anActiveAccount()).when(name(['ppd.officer', 'nobody'])).result)).toStrictEqual({
      code: 'UNKNOWN_PERSON',
      message: 'not active staff: nobody',
      details: { unknown: ['nobody'] },
    });
  });
});

describe('monthly follower counts', () => {
  const followers = (month: string, count: number) =>
    onAccount('RecordFollowers', { month, count }, 'comms.officer', later);

  it('the Lead records the count of a month', () => {
    givenAccount(anActiveAccount())
      .when(followers('2026-11', 1200))
      .then([
        {
          type: 'SocialFollowersRecorded',
          schemaVersion: 1,
          occurredAt: later,
          actor: lead,
          data: { month: '2026-11', count: 1200 },
        },
      ]);
  });

  it('the same count for the same month again changes nothing; a new count is recorded', () => {
    const recorded = givenAccount(anActiveAccount()).when(followers('2026-11', 1200)).result as SocialAccountEvent[];
    givenAccount([...anActiveAccount(), ...recorded])
      .when(followers('2026-11', 1200))
      .thenNothingHappens();
    givenAccount([...anActiveAccount(), ...recorded])
      .when(followers('2026-11', 1250))
      .then([expect.objectContaining({ data: { month: '2026-11', count: 1250 } })]);
  });

  it('an account not yet active has no followers to record', () => {
    expect(refusal(givenAccount(approved()).when(followers('2026-11', 10)).result)).toMatchObject({
      code: 'INVALID_TRANSITION',
      message: `cannot record its followers: account ${ACCOUNT} is approved`,
    });
  });
});

describe('what the account shared', () => {
  const post = (data: Record<string, unknown>, now = later) =>
    onAccount('RecordPost', data as never, 'comms.officer', now);

  it('a post shared at the very moment it is recorded is accepted', () => {
    givenAccount(anActiveAccount())
      .when(post({ kind: 'post', text: 'Air quality alert for Thimphu', publishedAt: later }))
      .then([expect.objectContaining({ type: 'SocialPostRecorded' })]);
  });

  it('records the link when there is one, and no link nor reason for a plain post', () => {
    const withLink = givenAccount(anActiveAccount()).when(
      post({
        kind: 'post',
        text: 'Air quality alert',
        url: 'https://www.facebook.com/NECSBhutan/posts/1',
        publishedAt: '2026-11-30T09:00:00+06:00',
      }),
    ).result as SocialAccountEvent[];
    expect(withLink[0]?.data).toStrictEqual({
      postNumber: 1,
      kind: 'post',
      text: 'Air quality alert',
      url: 'https://www.facebook.com/NECSBhutan/posts/1',
      publishedAt: '2026-11-30T09:00:00+06:00',
    });
    const plain = givenAccount(anActiveAccount()).when(
      post({ kind: 'post', text: 'Air quality alert', publishedAt: '2026-11-30T09:00:00+06:00' }),
    ).result as SocialAccountEvent[];
    expect(plain[0]?.data).toStrictEqual({
      postNumber: 1,
      kind: 'post',
      text: 'Air quality alert',
      publishedAt: '2026-11-30T09:00:00+06:00',
    });
  });

  it('only a takedown has a reason', () => {
    expect(
      refusal(
        givenAccount(anActiveAccount()).when(
          post({ kind: 'post', text: 'Hello', reason: 'Abusive', publishedAt: '2026-11-30T09:00:00+06:00' }),
        ).result,
      ),
    ).toMatchObject({ code: 'INVALID_INPUT', message: 'only a takedown has a reason' });
  });

  it('an account not yet active has nothing recorded, saying why', () => {
    expect(
      refusal(
        givenAccount(approved()).when(post({ kind: 'post', text: 'Hello', publishedAt: '2026-11-30T09:00:00+06:00' }))
          .result,
      ),
    ).toMatchObject({
      code: 'INVALID_TRANSITION',
      message: `cannot record what it shared: account ${ACCOUNT} is approved`,
    });
  });
});
