import { describe, expect, it } from '@jest/globals';
import { fileURLToPath } from 'node:url';
import { mutationFolders, selectFolders, slugOf } from '../../../scripts/mutate/folders.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const all = mutationFolders(root);
const names = (folders: { folder: string }[] | { unknown: string[] }): string[] =>
  'unknown' in folders ? [`unknown: ${folders.unknown.join(', ')}`] : folders.map((f) => f.folder);

describe('npm run mutate runs domain/, events/ and verifier/ one folder at a time', () => {
  it('covers every folder of domain/ on its own, events/ and verifier/, leaving out declarations and generated tables', () => {
    expect(names(all)).toEqual(expect.arrayContaining(['domain/request', 'domain/sla', 'events', 'verifier']));
    expect(all.find((f) => f.folder === 'domain/request')?.mutate).toEqual([
      'domain/request/**/*.ts',
      '!**/*.d.ts',
      '!**/*.d.mts',
      '!**/*.generated.ts',
    ]);
    expect(all.find((f) => f.folder === 'verifier')?.mutate[0]).toBe('verifier/**/*.mjs');
  });

  it('runs the folders named on the command line, in that order, a parent naming all its folders, or all of them', () => {
    expect(names(selectFolders(all, ['domain/request']))).toEqual(['domain/request']);
    expect(names(selectFolders(all, ['events/', 'domain/sla', 'events']))).toEqual(['events', 'domain/sla']);
    expect(names(selectFolders(all, ['domain']))).toEqual(names(all).filter((f) => f.startsWith('domain/')));
    expect(names(selectFolders(all, []))).toEqual(names(all));
  });

  it('names a folder it does not know rather than running nothing', () => {
    expect(selectFolders(all, ['domain/requests', 'events'])).toEqual({ unknown: ['domain/requests'] });
  });

  it('keeps each folder’s reports under a file-safe name', () => {
    expect(slugOf('domain/request')).toBe('domain-request');
    expect(slugOf('events/')).toBe('events');
  });
});
