/**
 * Writes the API's OpenAPI 3.1 document: `npm run openapi -- --out FILE` (stdout without `--out`).
 * The same document `GET /openapi.json` serves; the console generates its typed client from it.
 */
import { writeFileSync } from 'node:fs';
import { Command } from 'commander';
import { allRoutes } from '../functions/api/all-routes.js';
import { openApiDocument } from '../functions/api/openapi/document.js';

const options = new Command('openapi')
  .option('--out <file>', 'where to write the document')
  .parse()
  .opts<{ out?: string }>();
const text = `${JSON.stringify(openApiDocument(allRoutes), null, 2)}\n`;
if (options.out) {
  writeFileSync(options.out, text);
  process.stderr.write(`wrote ${options.out} (${Object.keys(openApiDocument(allRoutes).paths ?? {}).length} paths)\n`);
} else process.stdout.write(text);
