import { describe, expect, it } from '@jest/globals';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { allRoutes } from '../../../functions/api/all-routes.js';
import { openApiDocument, operationIdOf } from '../../../functions/api/openapi/document.js';

const document = openApiDocument(allRoutes);
const paths = document.paths as Record<
  string,
  Record<
    string,
    {
      operationId: string;
      responses: Record<string, unknown>;
      requestBody?: unknown;
      parameters?: { in: string; name: string }[];
    }
  >
>;

describe('the OpenAPI document', () => {
  it('describes every route the router serves (allRoutes), and nothing else', () => {
    // Prepare
    const known = allRoutes.map((r) => `${r.method} ${r.path}`);
    // Act
    const documented = Object.entries(paths).flatMap(([path, item]) =>
      Object.keys(item).map((m) => `${m.toUpperCase()} ${path}`),
    );
    // Assess
    expect(documented.sort()).toEqual([...known].sort());
    expect(known).toEqual(
      expect.arrayContaining(['GET /openapi.json', 'GET /docs', 'GET /me', 'POST /requests', 'GET /requests']),
    );
  });

  it('gives every route a summary, a documented success reply and the error JSON as default', () => {
    for (const route of allRoutes) {
      const op = paths[route.path]?.[route.method.toLowerCase()];
      expect({
        route: `${route.method} ${route.path}`,
        summary: route.summary !== undefined,
        replies: route.replies !== undefined,
      }).toEqual({ route: `${route.method} ${route.path}`, summary: true, replies: true });
      expect(op?.responses.default).toEqual({
        description: expect.any(String),
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      });
    }
  });

  it('documents bodies, path parameters and Idempotency-Key from the schemas that validate them', () => {
    const assign = paths['/requests/{id}/assign']?.post;
    expect(assign?.requestBody).toMatchObject({
      content: {
        'application/json': { schema: { type: 'object', required: ['division'], additionalProperties: false } },
      },
    });
    expect(assign?.parameters).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ in: 'path', name: 'id' }),
        expect.objectContaining({ in: 'header', name: 'Idempotency-Key' }),
      ]),
    );
    expect(
      operationIdOf({ method: 'POST', path: '/requests/{id}/assign', handle: async () => ({ status: 200, body: {} }) }),
    ).toBe('postRequestsIdAssign');
    expect(new Set(allRoutes.map(operationIdOf)).size).toBe(allRoutes.length);
  });

  it('lints clean under Redocly’s recommended rules', async () => {
    // Public routes without input (the document itself, the reference page) can only succeed: no 4xx to declare.
    const config = await createConfig({ extends: ['recommended'], rules: { 'operation-4xx-response': 'off' } });
    const problems = await lintFromString({ source: JSON.stringify(document), absoluteRef: 'openapi.json', config });
    expect(problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location[0]?.pointer ?? ''}`)).toEqual(
      [],
    );
  });
});
