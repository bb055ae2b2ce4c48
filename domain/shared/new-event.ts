import type { EventActor } from '../../events/actor.js';
import type { EventEnvelope } from '../../events/envelope.js';

/**
 * The event builder of a workflow whose events are all at schema version 1: `event(type, actor,
 * occurredAt, data)` gives the event with the envelope every event shares. A decider makes its own once,
 * `const event = eventBuilder<ItsEvent>()`. (Requests name each event's version: theirs moved on.)
 */
export const eventBuilder =
  <Union extends EventEnvelope>() =>
  <E extends Union>(type: E['type'], actor: EventActor, occurredAt: string, data: E['data']): E =>
    ({ type, schemaVersion: 1, occurredAt, actor, data }) as E;
