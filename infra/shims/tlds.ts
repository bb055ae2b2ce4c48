/**
 * Replaces the `tlds` list (12 KB) in the intake bundle: mailparser only hands it to linkify-it, which
 * infra/shims/linkify-it.ts stands in for (link detection is off: `skipTextToHtml`).
 */
const tlds: readonly string[] = [];
export default tlds;
