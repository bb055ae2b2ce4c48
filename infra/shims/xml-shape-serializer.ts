/**
 * Replaces the AWS SDK's XML request-body serializer (`XmlShapeSerializer`, with the XML builder it writes
 * with). Of our clients only S3 speaks REST-XML, and the S3 operations the functions call (GetObject,
 * PutObject, ListObjectsV2) send their input as headers, query and path or as the object's bytes, never
 * as an XML body (test/infra/bundle-plugins.test.ts lists the S3 operations that do, and checks our code
 * calls none of them). The S3 client builds the serializer when constructed; should an operation with an
 * XML body ever be called, it fails saying why. Responses are still read by the SDK's XML deserializer.
 */
const unavailable = (): never => {
  throw new Error(
    "the SDK's XML request serializer is not bundled (infra/shims/xml-shape-serializer.ts): an S3 operation with an XML request body was called",
  );
};

/** Stands in for `@aws-sdk/core`'s XmlShapeSerializer: built with the client, refuses to write. */
export class XmlShapeSerializer {
  constructor(_settings: unknown) {}

  setSerdeContext(_context: unknown): void {}

  write(_schema: unknown, _value: unknown): never {
    return unavailable();
  }

  flush(): never {
    return unavailable();
  }
}
