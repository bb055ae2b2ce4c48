import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { synthNecs } from './synth.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const { ofType } = synthNecs();

type Statement = { Action: string | string[]; Resource: unknown };
const statementsOfRole = (fragment: string) =>
  ofType('AWS::IAM::Policy')
    .filter(([, p]) => JSON.stringify(p.Properties.Roles).includes(fragment))
    .flatMap(([, p]) => (p.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
/** The mail-bucket prefixes a role may call `action` on (`<bucket>.Arn/<prefix>/*`). */
const prefixesGranted = (fragment: string, action: string) =>
  statementsOfRole(fragment)
    .filter((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]).includes(action))
    .flatMap((s) =>
      [...JSON.stringify(s.Resource).matchAll(/DataMail[A-Z0-9]+","Arn"\]\},"\/([a-z-]+)\/\*"/g)].map((m) => m[1]),
    );

/** Source files of the code the API runs (its routes, and the application code it calls; the intake apart). */
const apiSources = (): string[] => {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
    );
  return [
    ...walk(join(ROOT, 'functions/api')),
    ...walk(join(ROOT, 'application')).filter((f) => !relative(ROOT, f).startsWith('application/intake/')),
  ];
};
const STORAGE_KEY = new RegExp('storageKey = `([a-z-]+)/\\$\\{', 'g');
/** Every object prefix that code writes to: `storeContent(store, '<prefix>', …)` and `` `<prefix>/${…}` `` keys. */
const prefixesWrittenByTheApi = (): string[] => {
  const found = new Set<string>();
  for (const file of apiSources()) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/storeContent\([^,]+,\s*'([a-z-]+)'/g)) found.add(m[1] as string);
    for (const m of text.matchAll(STORAGE_KEY)) found.add(m[1] as string);
  }
  return [...found].sort();
};

describe('what the API may write to object storage', () => {
  it('covers every prefix its code writes (website updates over 16 KB go to website/)', () => {
    const written = prefixesWrittenByTheApi();
    expect(written).toEqual(
      expect.arrayContaining(['attachments', 'bodies', 'clarifications', 'responses', 'website']),
    );
    expect(prefixesGranted('ApiFunction', 's3:PutObject').sort()).toEqual(expect.arrayContaining(written));
  });

  it('is exactly those prefixes: never raw mail or quarantined attachments', () => {
    const granted = prefixesGranted('ApiFunction', 's3:PutObject').sort();
    expect(granted).toEqual(prefixesWrittenByTheApi());
    expect(granted).not.toContain('raw');
    expect(granted).not.toContain('quarantine');
    // It reads back what it wrote (attachments, stored bodies) and nothing else of the bucket.
    expect(prefixesGranted('ApiFunction', 's3:GetObject').sort()).toEqual(granted);
  });

  it('lets the intake read raw mail and store bodies, attachments and quarantine, and the mailer only read', () => {
    expect(prefixesGranted('IntakeFunction', 's3:GetObject').sort()).toEqual([
      'attachments',
      'bodies',
      'quarantine',
      'raw',
    ]);
    expect(prefixesGranted('IntakeFunction', 's3:PutObject').sort()).toEqual(['attachments', 'bodies', 'quarantine']);
    expect(prefixesGranted('MailerFunction', 's3:GetObject').sort()).toEqual([
      'attachments',
      'bodies',
      'clarifications',
      'responses',
    ]);
    expect(prefixesGranted('MailerFunction', 's3:PutObject')).toEqual([]);
  });
});
