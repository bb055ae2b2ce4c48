/**
 * Stream names, in one place: every item of a workflow lives in the stream `<kind>#<id>` (for example
 * `request#NECS-2026-00001`, `website#WEB-2026-00001`, `directory#necs`). The event store, the audit,
 * anchors and `desk verify` all name streams through these two functions.
 */
export const streamIdOf = (kind: string, id: string): string => `${kind}#${id}`;

/** The item's id in a stream of `kind`; the whole name when the stream is not of that kind. */
export const idOfStream = (kind: string, streamId: string): string =>
  streamId.startsWith(`${kind}#`) ? streamId.slice(kind.length + 1) : streamId;

/** The kind of a stream (what comes before `#`). */
export const kindOfStream = (streamId: string): string => streamId.slice(0, Math.max(0, streamId.indexOf('#')));
