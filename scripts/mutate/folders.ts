import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** One unit of a mutation run: a folder of domain/, events/ or verifier/, with the files Stryker mutates in it. */
export interface MutationFolder {
  /** The folder, relative to the repository root: `domain/request`, `events`, `verifier`. */
  readonly folder: string;
  /** Stryker `mutate` globs for it. */
  readonly mutate: readonly string[];
}

// Generated tables (zone offsets, provisional holidays) are data written by scripts/, checked against the live
// computation by their own tests; mutating a number in them says nothing about a rule.
const NOT_SOURCE = ['!**/*.d.ts', '!**/*.d.mts', '!**/*.generated.ts'];

/** The folders M1 covers: each sub-folder of domain/ on its own (they are large), events/, verifier/. */
export const mutationFolders = (root: string): MutationFolder[] => {
  const domain = readdirSync(join(root, 'domain'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => `domain/${entry.name}`)
    .sort();
  return [...domain, 'events', 'verifier'].map((folder) => ({
    folder,
    mutate: [`${folder}/**/*.${folder === 'verifier' ? 'mjs' : 'ts'}`, ...NOT_SOURCE],
  }));
};

/** A file-name-safe name for a folder's reports: `domain/request` → `domain-request`. */
export const slugOf = (folder: string): string => folder.replace(/[\\/]+/g, '-').replace(/-+$/, '');

/**
 * The folders a command line asks for: folder arguments (`domain/request`, `events/`) chosen among the known
 * ones, in the order given, or all of them. An unknown folder is an error, named, rather than an empty run.
 */
export const selectFolders = (
  all: readonly MutationFolder[],
  requested: readonly string[],
): MutationFolder[] | { readonly unknown: string[] } => {
  if (requested.length === 0) return [...all];
  const wanted = requested.map((r) => r.replace(/[\\/]+$/, ''));
  const unknown = wanted.filter((w) => !all.some((f) => f.folder === w || f.folder.startsWith(`${w}/`)));
  if (unknown.length > 0) return { unknown };
  // In the order asked for (the most important folder first), each folder once.
  const chosen = wanted.flatMap((w) => all.filter((f) => f.folder === w || f.folder.startsWith(`${w}/`)));
  return [...new Set(chosen)];
};
