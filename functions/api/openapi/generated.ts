import type { Route } from '../types.js';

/**
 * The OpenAPI document generated from the routes on first ask (zod-openapi loads then): where the API runs
 * from its sources (the local stack, tests). The deployed bundle serves the one written at build time.
 */
export const generatedOpenApiDocument = (allRoutes: () => Promise<readonly Route[]>): (() => Promise<unknown>) => {
  let document: Promise<unknown> | undefined;
  return () => {
    document ??= Promise.all([import('./document.js'), allRoutes()]).then(([{ openApiDocument }, routes]) =>
      openApiDocument(routes),
    );
    document.catch(() => (document = undefined));
    return document;
  };
};
