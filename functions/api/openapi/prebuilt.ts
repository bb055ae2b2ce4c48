import { readFile } from 'node:fs/promises';

/** The file the API's bundle carries its OpenAPI document in (infra/bundle.ts writes it at build time). */
export const PREBUILT_OPENAPI_FILE = 'openapi.json';

/**
 * The OpenAPI document written beside the deployed bundle when it was built (by `scripts/openapi.ts`, from
 * the same routes), read on first ask: the Lambda carries no OpenAPI generator.
 */
export const prebuiltOpenApiDocument = (): (() => Promise<unknown>) => {
  let document: Promise<unknown> | undefined;
  return () => {
    document ??= readFile(new URL(`./${PREBUILT_OPENAPI_FILE}`, import.meta.url), 'utf8').then(
      (text) => JSON.parse(text) as unknown,
    );
    document.catch(() => (document = undefined));
    return document;
  };
};
