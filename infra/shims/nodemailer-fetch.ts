/**
 * Replaces nodemailer's HTTP client (`dist/esm/fetch/index.js` with its cookie jar, ~9 KB) in the Lambda
 * bundles. nodemailer fetches only a part given as a URL (`href`, or a `path` starting http(s)://), and
 * ours never are: composeMime (adapters/ses/ses-sender.ts) passes every attachment as bytes and the
 * text and HTML as strings. Should a URL part ever come, its stream fails as nodemailer's own URL
 * refusal does (`disableUrlAccess`), with code `EURLACCESS`, rather than reaching out to the network.
 */
import { PassThrough } from 'node:stream';

/** nodemailer's `nmfetch(url, options)`: a stream of the body; here one that fails at once. */
const nmfetch = (url: string, _options?: unknown): PassThrough => {
  const stream = new PassThrough();
  setImmediate(() =>
    stream.emit(
      'error',
      Object.assign(new Error(`Url access rejected for ${url} (not bundled: infra/shims/nodemailer-fetch.ts)`), {
        code: 'EURLACCESS',
      }),
    ),
  );
  return stream;
};

export default nmfetch;
