import { parseAnyEvent, type AnyEvent } from './catalogue.js';
import { envelopeOf } from './envelope.js';
import { InvalidEventError, UnknownEventError } from './errors.js';
import { isWellFormedText } from './text.js';

/** The path of the first string that is not well-formed Unicode (storage would alter it, breaking the hash). */
const firstMalformedText = (value: unknown, path: string): string | undefined => {
  if (typeof value === 'string') return isWellFormedText(value) ? undefined : path;
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const found = firstMalformedText(v, `${path}[${i}]`);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const found = firstMalformedText(v, `${path}.${k}`);
      if (found) return found;
    }
  }
  return undefined;
};

/**
 * Checks events against the catalogue exactly as a reader will parse them, before they are written:
 * an event the store would refuse to read back is a bug at write time, never a stream that no longer
 * loads. Throws {@link InvalidEventError} naming the stream, the event and what is wrong.
 */
export const validateEvents = (streamId: string, events: readonly AnyEvent[]): void => {
  events.forEach((e, index) => {
    try {
      parseAnyEvent(envelopeOf(e));
    } catch (err) {
      if (!(err instanceof UnknownEventError)) throw err;
      throw new InvalidEventError(
        `refused to write event ${index + 1} of ${events.length} to ${streamId}: ${err.message}`,
        streamId,
        err.details,
      );
    }
    const malformed = firstMalformedText(e.data, 'data');
    if (malformed)
      throw new InvalidEventError(
        `refused to write event ${index + 1} of ${events.length} to ${streamId}: ${malformed} holds a lone surrogate`,
        streamId,
      );
  });
};
