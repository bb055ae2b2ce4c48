/**
 * `npx tsx scripts/time/zone-rules.ts`: writes domain/time/zone-rules.generated.ts, the offsets of the
 * bundled agencies' time zones from 1900 to 2100 as this platform's `Intl` (ICU) gives them, so the
 * functions read them without loading ICU's zone data at a cold start. test/unit/time/zone-rules.test.ts
 * fails when the file no longer equals what `Intl` gives (a tz database update): run this again.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generatedZoneRules } from './zone-rules-source.js';

const target = fileURLToPath(new URL('../../domain/time/zone-rules.generated.ts', import.meta.url));
writeFileSync(target, generatedZoneRules());
console.log(`wrote ${target}`);
