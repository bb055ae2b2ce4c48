import { describe, expect, it } from '@jest/globals';
import { createRequestDecider } from '../../../domain/request/decider.js';
import { Directory } from '../../../domain/agency/directory.js';
import { DomainError } from '../../../domain/shared/errors.js';
import { necs, system } from '../../support/agency.js';
import { given, receivedByEmail } from '../../support/request-spec.js';

const NOW = '2026-11-23T10:00:00+06:00';
const registered = (receivedAt: string) => ({
  ...receivedByEmail(),
  data: { ...receivedByEmail().data, receivedAt },
  metadata: { now: NOW, actor: system('email-intake') },
});

describe('when a request may say it was received', () => {
  it('refuses 0001-01-01: more than a year before it is registered', () => {
    given([])
      .when(registered('0001-01-01T00:00:00Z'))
      .thenRefused('INVALID_INPUT', /receivedAt is before 2025-11-23T10:00:00.000\+06:00 \(1 year before now\)/);
  });

  it('refuses a date in the future', () => {
    given([])
      .when(registered('2026-11-24T10:00:00+06:00'))
      .thenRefused('INVALID_INPUT', /in the future/);
  });

  it('takes a letter received eleven months ago', () => {
    const result = given([]).when(registered('2025-12-24T10:00:00+06:00')).result;
    expect(result).not.toBeInstanceOf(DomainError);
  });

  it('takes a letter received exactly a year before it is registered, and not a second earlier', () => {
    expect(given([]).when(registered('2025-11-23T10:00:00+06:00')).result).not.toBeInstanceOf(DomainError);
    given([])
      .when(registered('2025-11-23T09:59:59+06:00'))
      .thenRefused('INVALID_INPUT', /1 year before now/);
  });

  it('refuses a date before the agency started using the system', () => {
    const directory = new Directory({ ...necs.config, agency: { ...necs.config.agency, startDate: '2026-07-01' } });
    const decide = createRequestDecider({ calendar: necs.calendar, directory }).decide;
    const refused = decide(registered('2026-06-30T16:00:00+06:00'), { status: 'none' } as never);
    expect(refused).toBeInstanceOf(DomainError);
    expect((refused as DomainError).message).toMatch(
      /before 2026-07-01T00:00:00.000\+06:00 \(the agency started using Request Desk\)/,
    );
    expect(decide(registered('2026-07-01T09:00:00+06:00'), { status: 'none' } as never)).not.toBeInstanceOf(
      DomainError,
    );
  });
});
