import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ApiError } from './api';
import { fieldErrorsOf } from './field-errors';

/**
 * A modal form's values, the message for each field (the form's own check once a submit was tried,
 * else the API's verdict on that field) and the props of its {@link FormModal}: submitting sends
 * `send(values)` only when the form's own checks pass. On success the `refresh` queries are read
 * again, then `done` is told the reply.
 */
export const useModalForm = <V extends object, E extends Record<string, string | undefined>, T>(o: {
  initial: V;
  check: (v: V) => E;
  send: (v: V) => Promise<T>;
  refresh: readonly string[];
  done: (reply: T, v: V) => void;
}) => {
  const client = useQueryClient();
  const [v, setV] = useState(o.initial);
  const [shown, setShown] = useState(false);
  const m = useMutation<T, ApiError>({
    mutationFn: () => o.send(v),
    onSuccess: async (reply) => {
      for (const key of o.refresh) await client.invalidateQueries({ queryKey: [key] });
      o.done(reply, v);
    },
  });
  const local = o.check(v);
  const server = fieldErrorsOf(m.error);
  return {
    v,
    /** Changes some of the values. */
    set: (change: Partial<V>) => setV({ ...v, ...change }),
    err: (k: keyof E & string) => (shown ? local[k] : undefined) ?? server[k],
    modal: {
      pending: m.isPending,
      error: m.error,
      onSubmit: () => {
        setShown(true);
        if (!Object.values(local).some(Boolean)) m.mutate();
      },
    },
  };
};
