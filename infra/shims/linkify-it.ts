/**
 * Replaces `linkify-it` (with the `tlds` list, ~25 KB) in the intake bundle. mailparser uses it only to
 * turn links into anchors in `textAsHtml`, which the intake turns off (`skipTextToHtml`: it stores the
 * text); at load it configures a linker (`tlds`, `add`, `set`), which this stand-in accepts. Finding links
 * is never asked for; if it ever were, it fails saying why rather than finding none.
 */
const unavailable = (): never => {
  throw new Error(
    'link detection is not bundled in this function (infra/shims/linkify-it.ts): mailparser needs skipTextToHtml',
  );
};

/** The part of linkify-it's API that mailparser calls when it loads (chainable configuration). */
export interface Linker {
  tlds(list: unknown, keepOld?: boolean): Linker;
  add(schema: string, definition: unknown): Linker;
  set(options: unknown): Linker;
  pretest(text: string): never;
  test(text: string): never;
  match(text: string): never;
}

/** A linker that takes configuration and refuses to search. */
const linkifyIt = (): Linker => {
  const linker: Linker = {
    tlds: () => linker,
    add: () => linker,
    set: () => linker,
    pretest: unavailable,
    test: unavailable,
    match: unavailable,
  };
  return linker;
};

export default linkifyIt;
