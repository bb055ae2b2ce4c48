/**
 * Replaces `bowser` (33 KB) in the Lambda bundles: the SDK imports it only to describe a browser in its
 * user agent, and on Node (no `window`) it never parses anything; the result is the same: no browser.
 */
export const parse = (): undefined => undefined;
export default { parse };
