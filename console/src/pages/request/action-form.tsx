import { useState, type ComponentProps } from 'react';
import type { ApiError, RequestView } from '../../commons/api';
import type { Me } from '../../commons/auth';
import { ActionModal } from '../../commons/form-modal';
import { strings } from '../../commons/strings';
import { useCommand, type CommandHeaders, type CommandParams, type CommandReply } from './use-command';

/** The request page's check of a required text field, as the API checks it: present and within `max`. */
export const required = (v: string, max: number) =>
  !v.trim() ? strings.actions.required : v.length > max ? strings.actions.tooLong(max) : undefined;

/** What the request page gives each action's form. */
export interface FormProps {
  request: RequestView;
  version: number | undefined;
  me: Me;
  onDone: (what: string) => void;
  onCancel: () => void;
  onStale: (e: ApiError) => void;
}

/** A modal form whose submit runs the command; API errors other than 412 stay on the form (a 412 goes to the page). */
export const ActionForm = ({
  error,
  ...p
}: Omit<ComponentProps<typeof ActionModal>, 'errorText'> & { error?: ApiError | null }) => (
  <ActionModal {...p} errorText={error && error.status !== 412 ? error.message : undefined} />
);

/**
 * One action's form on the request page: its command, whether a submit was tried (errors show from
 * then on), and the props of its {@link ActionForm}, whose submit sends the body `bodyOf` gives (none
 * while the form's own checks fail) and reports the action done under its `title`.
 */
export const useActionForm = <B,>(
  p: FormProps,
  title: string,
  send: (params: CommandParams, body: B, headers: CommandHeaders) => Promise<CommandReply>,
) => {
  const [shown, setShown] = useState(false);
  const m = useCommand(p.request.id, p.version, p.onStale, send);
  const mutate = (body: B | undefined) => {
    if (body !== undefined) m.mutate(body, { onSuccess: () => p.onDone(title) });
  };
  return {
    m,
    /** `error` once a submit was tried, else nothing. */
    shown: (error: string | undefined) => (shown ? error : undefined),
    form: (bodyOf: () => B | undefined | Promise<B | undefined>) => ({
      title,
      onCancel: p.onCancel,
      busy: m.isPending,
      error: m.error,
      onSubmit: () => {
        setShown(true);
        const body = bodyOf();
        if (body instanceof Promise) void body.then(mutate);
        else mutate(body);
      },
    }),
  };
};
