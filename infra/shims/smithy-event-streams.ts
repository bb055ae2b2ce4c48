/**
 * Replaces `@smithy/core/event-streams` (14 KB, a chunk in every function) in the Lambda bundles. The SDK
 * loads it only for an operation whose input or output is an event stream, and of the clients the
 * functions use only S3's SelectObjectContent has one, which nothing here calls
 * (test/infra/bundle-plugins.test.ts lists them). Should one ever be called, it fails saying why.
 */
const unavailable = (): never => {
  throw new Error('AWS event streams are not bundled in this function (infra/shims/smithy-event-streams.ts): remove the alias in infra/bundle.ts to call an event-stream operation');
};

/** Stands in for the marshaller provider: the SDK calls it first, so the error comes before any work. */
export const eventStreamSerdeProvider = (_context: unknown): never => unavailable();

/** Stands in for the serde class: never constructed, as the provider throws first. */
export class EventStreamSerde {
  constructor(_options: unknown) {
    unavailable();
  }
}
