import { useMutation, useQueryClient, type MutateOptions } from '@tanstack/react-query';
import { useRef } from 'react';
import { ApiError, unwrap, type Schemas } from '../../commons/api';

/** What the typed call of a command answers. */
export type CommandReply = { data?: Schemas['CommandResult']; error?: unknown; response: Response };
export type CommandParams = { path: { id: string } };
export type CommandHeaders = Record<string, string>;
type Result = Schemas['CommandResult'];

/**
 * One command on the request, sent with `If-Match` of the version on screen (when the API gave one),
 * so that acting on a stale view is a 412 instead of a silent overwrite. `send` is the typed call.
 *
 * Acts once however often it is submitted: while a submission is on its way, another is ignored (a double
 * click, Enter then a click), and the same body sent again carries the same `Idempotency-Key`, so the API
 * answers with the first reply instead of acting twice (or answering 412 against its own first success).
 * A changed body is a new submission with a new key.
 */
export const useCommand = <B>(
  id: string,
  version: number | undefined,
  onStale: (e: ApiError) => void,
  send: (params: CommandParams, body: B, headers: CommandHeaders) => Promise<CommandReply>,
) => {
  const client = useQueryClient();
  const last = useRef<{ body: string; key: string } | null>(null);
  const inFlight = useRef(false);
  const m = useMutation<Result, ApiError, B>({
    mutationFn: async (body) => {
      const json = JSON.stringify(body);
      if (last.current?.body !== json) last.current = { body: json, key: crypto.randomUUID() };
      const headers: CommandHeaders = {
        'Idempotency-Key': last.current.key,
        ...(version !== undefined ? { 'If-Match': `"${version}"` } : {}),
      };
      return unwrap(await send({ path: { id } }, body, headers));
    },
    onSuccess: async () => {
      await Promise.all(
        ['request', 'correspondence', 'history']
          .map((k) => client.invalidateQueries({ queryKey: [k, id] }))
          .concat(client.invalidateQueries({ queryKey: ['requests'] })),
      );
    },
    onError: (e) => {
      if (e.status === 412) onStale(e);
    },
    onSettled: () => {
      inFlight.current = false;
    },
  });
  const mutate = (body: B, options?: MutateOptions<Result, ApiError, B>) => {
    if (inFlight.current) return;
    inFlight.current = true;
    m.mutate(body, options);
  };
  return { ...m, mutate };
};
