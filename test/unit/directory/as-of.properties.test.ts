import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { directoryAt, foldDirectory } from '../../../domain/directory/index.js';
import type { DirectoryEvent } from '../../../events/directory-events.js';
import type { Role } from '../../../events/primitives.js';
import { necs } from '../../support/agency.js';

const PEOPLE = ['a.one', 'b.two', 'c.three'];
const DIVISIONS = ['ict', 'legal', 'ppd'];
const ROLES: Role[] = ['division_officer', 'division_chief', 'spokesperson', 'auditor'];
const START = Date.parse('2026-01-01T00:00:00Z');
const DAY = 86_400_000;
const at = (day: number) => new Date(START + day * DAY).toISOString();
const actor = { kind: 'system', component: 'test' } as const;

/** A random history: each person joins on some day, then is appointed (in any order of recording) with effective dates before or after. */
const history = fc
  .record({
    joins: fc.tuple(...PEOPLE.map(() => fc.integer({ min: 0, max: 30 }))),
    appointments: fc.array(
      fc.record({
        person: fc.integer({ min: 0, max: PEOPLE.length - 1 }),
        afterJoin: fc.integer({ min: 0, max: 60 }),
        role: fc.constantFrom(...ROLES),
        division: fc.constantFrom(...DIVISIONS),
        order: fc.option(fc.string({ minLength: 1, maxLength: 8 }), { nil: undefined }),
      }),
      { maxLength: 25 },
    ),
    deactivated: fc.array(
      fc.record({ person: fc.integer({ min: 0, max: PEOPLE.length - 1 }), day: fc.integer({ min: 0, max: 100 }) }),
      { maxLength: 2 },
    ),
    asOf: fc.array(fc.integer({ min: -1, max: 110 }), { minLength: 1, maxLength: 10 }),
  })
  .map(({ joins, appointments, deactivated, asOf }) => {
    const events: DirectoryEvent[] = DIVISIONS.map((d) => ({
      type: 'DivisionAdded',
      schemaVersion: 1,
      occurredAt: at(0),
      actor,
      data: { divisionId: d, name: d },
    }));
    PEOPLE.forEach((id, i) => {
      events.push({
        type: 'PersonAdded',
        schemaVersion: 1,
        occurredAt: at(joins[i] as number),
        actor,
        data: {
          personId: id,
          name: id,
          email: `${id}@necs.example`,
          roles: ['division_officer'],
          division: 'ict',
          effectiveFrom: at(joins[i] as number),
        },
      });
    });
    for (const a of appointments) {
      const id = PEOPLE[a.person] as string;
      const effective = (joins[a.person] as number) + a.afterJoin;
      events.push({
        type: 'PersonAppointed',
        schemaVersion: 1,
        occurredAt: at(40),
        actor,
        data: {
          personId: id,
          roles: [a.role],
          division: a.division,
          effectiveFrom: at(effective),
          ...(a.order ? { order: a.order } : {}),
        },
      });
    }
    // Only someone already in the directory can be deactivated.
    for (const d of deactivated)
      events.push({
        type: 'PersonDeactivated',
        schemaVersion: 1,
        occurredAt: at(Math.max(d.day, joins[d.person] as number)),
        actor,
        data: { personId: PEOPLE[d.person] as string, reason: 'left' },
      });
    // A stream is recorded in time order.
    return {
      events: events
        .map((e, i) => ({ e, i }))
        .sort((x, y) => Date.parse(x.e.occurredAt) - Date.parse(y.e.occurredAt) || x.i - y.i)
        .map(({ e }) => e),
      asOf,
    };
  });

/**
 * The recomputation: replay each person's appointments in order of effective date (stable, so a later
 * record wins a tie), stopping at the instant asked about.
 */
const recompute = (events: readonly DirectoryEvent[], t: number) => {
  const result = new Map<string, { roles: readonly string[]; division?: string; active: boolean }>();
  const appointments = events
    .map((e, index) => ({ e, index }))
    .filter(({ e }) => e.type === 'PersonAdded' || e.type === 'PersonAppointed')
    .sort(
      (x, y) =>
        Date.parse((x.e.data as { effectiveFrom: string }).effectiveFrom) -
          Date.parse((y.e.data as { effectiveFrom: string }).effectiveFrom) || x.index - y.index,
    );
  for (const { e } of appointments) {
    const data = e.data as { personId: string; roles: string[]; division?: string; effectiveFrom: string };
    if (Date.parse(data.effectiveFrom) > t) continue;
    result.set(data.personId, {
      roles: data.roles,
      ...(data.division ? { division: data.division } : {}),
      active: true,
    });
  }
  for (const e of events) {
    if (e.type !== 'PersonDeactivated' || Date.parse(e.occurredAt) > t) continue;
    const person = result.get(e.data.personId);
    if (person && person.active) result.set(e.data.personId, { ...person, active: false });
  }
  return result;
};

describe('the directory as of an instant', () => {
  it('agrees with a recomputation from the events for random appointment histories', () => {
    fc.assert(
      fc.property(history, ({ events, asOf }) => {
        const state = foldDirectory(events);
        for (const day of asOf) {
          const t = START + day * DAY + DAY / 2;
          const view = directoryAt(state, new Date(t).toISOString(), necs.config);
          const expected = recompute(events, t);
          const seen = Object.fromEntries(
            view
              .everyone()
              .map((p) => [
                p.id,
                { roles: p.roles, ...(p.division ? { division: p.division } : {}), active: p.active },
              ]),
          );
          expect(seen).toEqual(Object.fromEntries(expected));
          for (const division of DIVISIONS) {
            const chiefs = [...expected]
              .filter(([, p]) => p.active && p.division === division && p.roles.includes('division_chief'))
              .map(([id]) => id)
              .sort();
            expect(
              view
                .chiefsOf(division)
                .map((u) => u.id)
                .sort(),
            ).toEqual(chiefs);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
