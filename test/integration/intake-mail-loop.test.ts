import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { LocalStack } from '../../local/stack.js';
import { mime } from '../support/mime.js';
import { caller, intakeOf, outbox, startTestStack } from '../support/stack.js';

let stack: LocalStack;
let intake: ReturnType<typeof intakeOf>;
let api: ReturnType<typeof caller>;
beforeAll(async () => {
  stack = await startTestStack();
  intake = intakeOf(stack);
  api = caller(stack);
}, 60_000);
afterAll(async () => stack.stop());

const INTAKE = 'requests@necs.example';
const HELPDESK = 'helpdesk@vendor.example';
/** An auto-responder that ignores RFC 3834: no Auto-Submitted, no Precedence, a new mail each round. */
const ticket = (n: number) =>
  mime({
    from: `Vendor Helpdesk <${HELPDESK}>`,
    to: INTAKE,
    subject: `Ticket #${n} received`,
    text: `Your ticket #${n} has been received. We will get back to you.`,
  });
const acknowledgmentsTo = async (address: string) =>
  (await outbox(stack)).filter((m) => m.subject.startsWith('Received:') && m.destination.to.includes(address));

describe('a mail loop with an auto-responder', () => {
  it('stops after five acknowledgments that day: later mail is held unanswered, and kept', async () => {
    // Act: seven rounds of the loop in one day
    const results: Awaited<ReturnType<typeof intake.deliver>>[] = [];
    const raws: Buffer[] = [];
    for (let n = 1; n <= 7; n++) {
      raws.push(await ticket(n));
      results.push(await intake.deliver(raws.at(-1) as Buffer));
      await stack.settle();
    }
    // Assess: five requests, five acknowledgments; the rest held for an officer, with why
    expect(results.map((r) => r.outcome)).toEqual([
      'new_request',
      'new_request',
      'new_request',
      'new_request',
      'new_request',
      'held',
      'held',
    ]);
    expect(results.slice(5).map((r) => r.reason)).toEqual(['too_many_from_sender', 'too_many_from_sender']);
    expect(await acknowledgmentsTo(HELPDESK)).toHaveLength(5);
    const pen = (await api('GET', '/holding-pen', { as: 'ict.officer' })).body.items as {
      id: string;
      reason: string;
    }[];
    expect(pen.filter((i) => results.slice(5).some((r) => r.mailId === i.id)).map((i) => i.reason)).toEqual([
      'too_many_from_sender',
      'too_many_from_sender',
    ]);
    // …nothing lost: the raw messages are kept, and the same mail again changes nothing
    const { events } = await stack.core.store.read(`mail#${results[6]!.mailId}`);
    expect(
      await stack.objects.get((events[0]?.event.data as { raw: { storageKey: string } }).raw.storageKey),
    ).toBeDefined();
    expect(await intake.deliver(raws[6] as Buffer)).toMatchObject({
      outcome: 'held',
      reason: 'too_many_from_sender',
      replayed: true,
    });
    // Other senders are not affected
    expect(
      await intake.deliver(
        await mime({ from: 'dorji@example.bt', to: INTAKE, subject: 'Air quality', text: 'Data please.' }),
      ),
    ).toMatchObject({ outcome: 'new_request' });
  }, 60_000);

  it('starts again on the agency’s next day', async () => {
    // Prepare: the clock at the next working day in Thimphu
    const tomorrow = new Date(stack.clock.now().getTime() + 24 * 3_600_000);
    stack.clock.moveTo(tomorrow);
    // Act
    const result = await intake.deliver(await ticket(8));
    await stack.settle();
    // Assess
    expect(result.outcome).toBe('new_request');
    expect(await acknowledgmentsTo(HELPDESK)).toHaveLength(6);
  }, 30_000);
});
