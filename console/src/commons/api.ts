import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from '../api/schema';
import { config } from './config';

export type Schemas = components['schemas'];
export type RequestView = Schemas['Request'];

/** Replies that may be CSV are typed `T | string`; the JSON form was asked for. */
export const json = <T>(reply: T | string): T => {
  if (typeof reply === 'string') throw new ApiError(500, 'UNEXPECTED_TEXT', 'expected JSON');
  return reply;
};

/** An API error in the contract's shape, with the HTTP status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

let token: string | undefined;
export const setToken = (t: string | undefined) => {
  token = t;
};

const auth: Middleware = {
  onRequest({ request }) {
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    // Every POST is safe to retry: the API returns the first reply for the same key.
    if (request.method === 'POST' && !request.headers.has('Idempotency-Key'))
      request.headers.set('Idempotency-Key', crypto.randomUUID());
    return request;
  },
};

let client: ReturnType<typeof createClient<paths>> | undefined;

/** The typed client, generated from the API's OpenAPI document. */
export const api = () => {
  if (!client) {
    client = createClient<paths>({ baseUrl: `${window.location.origin}${config().apiBase}` });
    client.use(auth);
  }
  return client;
};

/** The data of a reply, or an ApiError with the contract's code and message. */
export const unwrap = <T>(result: { data?: T; error?: unknown; response: Response }): T => {
  if (result.error !== undefined || result.data === undefined) {
    const body = (result.error ?? {}) as { error?: { code?: string; message?: string; details?: unknown } };
    throw new ApiError(
      result.response.status,
      body.error?.code ?? `HTTP_${result.response.status}`,
      body.error?.message ?? result.response.statusText,
      body.error?.details,
    );
  }
  return result.data;
};

/** Downloads a reply (a CSV, an attachment) with the session's authorization, as a file. */
export const download = async (path: string, filename: string) => {
  const res = await fetch(`${window.location.origin}${config().apiBase}${path}`, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { error?: { code?: string; message?: string } };
    throw new ApiError(res.status, body.error?.code ?? `HTTP_${res.status}`, body.error?.message ?? res.statusText);
  }
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  // The browser reads the blob after this task; revoking at once can cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
};
