/**
 * Replaces `@smithy/core/event-streams` (9–14 KB) in the Lambda bundles. The SDK loads it dynamically only
 * for an operation whose input or output is an event stream, and of the clients the functions use only
 * S3's SelectObjectContent has one, which nothing here calls (test/infra/bundle-plugins.test.ts lists
 * them). The S3 client also imports it statically to build an event-stream marshaller when it is
 * constructed: here that marshaller is a stand-in. Should an event stream ever be used, it fails saying why.
 */
const unavailable = (): never => {
  throw new Error(
    'AWS event streams are not bundled in this function (infra/shims/smithy-event-streams.ts): remove the alias in infra/bundle.ts to call an event-stream operation',
  );
};

/** Stands in for the marshaller the S3 client builds when constructed: it refuses to (un)marshal. */
export interface EventStreamMarshallerStandIn {
  serialize(...args: unknown[]): never;
  deserialize(...args: unknown[]): never;
}

/** Stands in for the marshaller provider (the S3 client calls it when constructed: it must not throw). */
export const eventStreamSerdeProvider = (_context: unknown): EventStreamMarshallerStandIn => ({
  serialize: unavailable,
  deserialize: unavailable,
});

/** As `@smithy/core`'s own: the client's configuration with the provider's marshaller. */
export const resolveEventStreamSerdeConfig = <T extends { eventStreamSerdeProvider: (input: T) => unknown }>(
  input: T,
): T & { eventStreamMarshaller: unknown } =>
  Object.assign(input, { eventStreamMarshaller: input.eventStreamSerdeProvider(input) });

/** Stands in for the serde class the SDK builds for an event-stream operation: refuses at once. */
export class EventStreamSerde {
  constructor(_options: unknown) {
    unavailable();
  }
}
