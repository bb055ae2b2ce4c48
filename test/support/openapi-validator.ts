import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { allRoutes } from '../../functions/api/all-routes.js';
import { openApiDocument } from '../../functions/api/openapi/document.js';

type Operation = { responses: Record<string, { content?: Record<string, { schema: unknown }> }> };

/**
 * Checks a reply against the API's own OpenAPI document: the route must be documented, the status
 * documented (or covered by `default`), and a JSON body must match the documented schema. The API test
 * client runs every reply the suite receives through it.
 */
export const openApiValidator = () => {
  const document = openApiDocument(allRoutes) as unknown as {
    paths: Record<string, Record<string, Operation>>;
    components?: unknown;
  };
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  (addFormats as unknown as (a: Ajv2020) => void)(ajv);
  ajv.addSchema({ $id: 'openapi', components: document.components });
  const compiled = new Map<string, ValidateFunction>();
  const templates = Object.keys(document.paths).map((t) => ({
    t,
    re: new RegExp(`^${t.replace(/\{\w+\}/g, '[^/]+')}/?$`),
  }));

  return (
    method: string,
    url: string,
    status: number,
    contentType: string | null,
    body: unknown,
  ): string | undefined => {
    const path = new URL(url, 'http://x').pathname;
    const template = templates.find(({ t, re }) => re.test(path) && document.paths[t]?.[method.toLowerCase()])?.t;
    if (!template)
      return status === 404 || status === 405 || status === 400
        ? undefined
        : `${method} ${path} is not in the document (answered ${status})`;
    const op = document.paths[template]?.[method.toLowerCase()] as Operation;
    const response = op.responses[String(status)] ?? op.responses.default;
    if (!response) return `${method} ${template}: status ${status} is not documented`;
    if (!contentType?.includes('application/json')) return undefined;
    const schema = response.content?.['application/json']?.schema;
    if (!schema) return `${method} ${template} ${status}: a JSON body, but none documented`;
    const key = `${method} ${template} ${status}`;
    let validate = compiled.get(key);
    if (!validate) {
      validate = ajv.compile(
        JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"openapi#/components/')) as object,
      );
      compiled.set(key, validate);
    }
    return validate(body) ? undefined : `${key}: ${ajv.errorsText(validate.errors)}`;
  };
};
