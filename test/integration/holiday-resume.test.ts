import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { changeHoliday } from '../../application/calendar-changes.js';
import { dynamoReadModels } from '../../adapters/dynamodb/read-models.js';
import type { RequestCommands } from '../../application/request/commands.js';
import { StoreUnavailableError } from '../../application/errors.js';
import { buildRegisteredWorkflows } from '../../application/workflows.js';
import { composeCore } from '../../functions/shared/compose.js';
import type { LocalStack } from '../../local/stack.js';
import { as } from '../support/agency.js';
import { caller, startTestStack } from '../support/stack.js';

let stack: LocalStack;
let api: ReturnType<typeof caller>;
beforeAll(async () => {
  stack = await startTestStack();
  api = caller(stack);
}, 60_000);
afterAll(async () => stack.stop());

describe('a holiday declared half-way', () => {
  it("is finished by declaring it again: every open request's due date moves", async () => {
    // Prepare: three open requests, and a working day inside their deadlines to declare a holiday.
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const created = await api('POST', '/requests', {
        as: 'ict.officer',
        body: {
          channel: 'web',
          requester: { name: `R${i}`, email: `r${i}@example.bt`, kind: 'public' },
          subject: `Request ${i}`,
          body: 'x',
        },
      });
      ids.push(created.body.id as string);
    }
    await stack.settle();
    const core = composeCore({
      doc: stack.doc,
      eventsTable: stack.tableNames.events,
      readModelTable: stack.tableNames.readModels,
      agency: stack.agency,
      now: stack.clock.now,
    });
    const dueOf = async (id: string) => ((await core.commands.load(id)).state as { dueAt: string }).dueAt;
    const before = await Promise.all(ids.map(dueOf));
    const cal = await core.agencyCalendar.current();
    let day = cal.parseInstant(stack.clock.now().toISOString()).plus({ days: 1 });
    while (!cal.isWorkingDay(day.toISODate() as string)) day = day.plus({ days: 1 });
    const date = day.toISODate() as string;
    // Act: the declaration is recorded, then the store fails after the first request has moved.
    let calls = 0;
    const failing = new Proxy(core.commands, {
      get(target, prop, receiver) {
        if (prop !== 'execute') return Reflect.get(target, prop, receiver) as unknown;
        return async (...args: Parameters<RequestCommands['execute']>) => {
          if (++calls === 2) throw new StoreUnavailableError('injected: the store stopped answering');
          return target.execute(...args);
        };
      },
    });
    const deps = (commands: RequestCommands) => ({
      agencyCalendar: core.agencyCalendar,
      readModels: dynamoReadModels(stack.doc, stack.tableNames.readModels),
      workflows: buildRegisteredWorkflows(core.workflowContext, { request: commands }).sla,
    });
    const now = stack.clock.now().toISOString();
    await expect(
      changeHoliday(deps(failing), { type: 'DeclareHoliday', date, name: 'Snow day' }, as('ict.head'), now),
    ).rejects.toThrow(StoreUnavailableError);
    const halfWay = await Promise.all(ids.map(dueOf));
    expect(halfWay.filter((d, i) => d !== before[i])).toHaveLength(1);
    // Act: the admin declares it again.
    const again = await changeHoliday(
      deps(core.commands),
      { type: 'DeclareHoliday', date, name: 'Snow day' },
      as('ict.head'),
      now,
    );
    // Assess: nothing recorded twice, every open request moved once.
    expect(again.recorded).toBe(false);
    expect(again.moved).toHaveLength(2);
    const after = await Promise.all(ids.map(dueOf));
    after.forEach((d, i) => expect(d).not.toBe(before[i]));
    for (const id of ids) {
      const events = (await core.store.read(`request#${id}`)).events.filter((e) => e.type === 'DueDateRecalculated');
      expect(events).toHaveLength(1);
    }
  }, 60_000);
});
