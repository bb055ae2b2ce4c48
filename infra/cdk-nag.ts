import { createRequire } from 'node:module';

/**
 * cdk-nag is CommonJS marked `__esModule`, which ES-module loaders read as "no default, no names";
 * loading it with require gives the real module (and the one aws-cdk-lib its checks expect).
 */
export const cdkNag = createRequire(import.meta.url)('cdk-nag') as typeof import('cdk-nag');
