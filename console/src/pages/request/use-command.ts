import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, unwrap, type Schemas } from '../../commons/api';

type Reply = { data?: Schemas['CommandResult']; error?: unknown; response: Response };
export type CommandParams = { path: { id: string } };
export type CommandHeaders = Record<string, string>;

/**
 * One command on the request, sent with `If-Match` of the version on screen (when the API gave one),
 * so that acting on a stale view is a 412 instead of a silent overwrite. `send` is the typed call.
 */
export const useCommand = <B>(id: string, version: number | undefined, onStale: (e: ApiError) => void, send: (params: CommandParams, body: B, headers: CommandHeaders) => Promise<Reply>) => {
  const client = useQueryClient();
  return useMutation<Schemas['CommandResult'], ApiError, B>({
    mutationFn: async (body) => unwrap(await send({ path: { id } }, body, version !== undefined ? { 'If-Match': `"${version}"` } : {})),
    onSuccess: async () => {
      await Promise.all([client.invalidateQueries({ queryKey: ['request', id] }), client.invalidateQueries({ queryKey: ['history', id] }), client.invalidateQueries({ queryKey: ['requests'] })]);
    },
    onError: (e) => {
      if (e.status === 412) onStale(e);
    },
  });
};
