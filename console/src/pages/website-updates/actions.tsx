import Box from '@cloudscape-design/components/box';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import Textarea from '@cloudscape-design/components/textarea';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap, type ApiError } from '../../commons/api';
import { strings } from '../../commons/strings';
import { errorSentence } from '../../commons/error-sentence';
import { FilePicker, filesTooLarge, toUpload } from '../../commons/file-picker';
import { ActionModal } from '../../commons/form-modal';
import { Information } from './information';
import { rememberPublished } from './published';
import { websiteFileTexts, type WebsiteAction, type WebsiteUpdate } from './website-api';

const t = strings.website;
const HTTP_URL = /^https?:\/\/[^\s/$.?#].[^\s]*$/i;

type Input = { reason: string; url: string; body: string; files: File[] };

/** Sends one action on the update to its route. */
const send = async (action: WebsiteAction, id: string, v: Input) => {
  const params = { path: { id } };
  switch (action) {
    case 'complete':
      return unwrap(await api().POST('/website-updates/{id}/complete', { params, body: {} }));
    case 'return':
      return unwrap(await api().POST('/website-updates/{id}/return', { params, body: { reason: v.reason.trim() } }));
    case 'withdraw':
      return unwrap(await api().POST('/website-updates/{id}/withdraw', { params, body: { reason: v.reason.trim() } }));
    case 'published':
      return unwrap(await api().POST('/website-updates/{id}/published', { params, body: { url: v.url.trim() } }));
    case 'resubmit': {
      const attachments = await Promise.all(v.files.map(toUpload));
      return unwrap(
        await api().POST('/website-updates/{id}/resubmit', {
          params,
          body: { ...(v.body.trim() ? { body: v.body } : {}), ...(attachments.length ? { attachments } : {}) },
        }),
      );
    }
  }
};

/** The dialog of one action: what it needs (a reason, the page's address, corrected information), then send. */
export const WebsiteActionForm = ({
  action,
  update,
  onCancel,
  onDone,
}: {
  action: WebsiteAction;
  update: WebsiteUpdate;
  onCancel: () => void;
  onDone: (what: string) => void;
}) => {
  const client = useQueryClient();
  const [v, setV] = useState<Input>({ reason: '', url: '', body: '', files: [] });
  const [shown, setShown] = useState(false);
  const m = useMutation<unknown, ApiError, Input>({
    mutationFn: (input) => send(action, update.id, input),
    onSuccess: async (reply) => {
      // The Published tab lists what the projection holds, a moment behind: it shows this page at once.
      if (action === 'published') rememberPublished(client, reply as WebsiteUpdate);
      await Promise.all([
        client.invalidateQueries({ queryKey: ['website-update', update.id] }),
        client.invalidateQueries({ queryKey: ['website-updates'] }),
        client.invalidateQueries({ queryKey: ['published'] }),
      ]);
      onDone(t.actions[action] ?? action);
    },
  });
  const err =
    action === 'return' || action === 'withdraw'
      ? v.reason.trim()
        ? undefined
        : strings.actions.required
      : action === 'published'
        ? HTTP_URL.test(v.url.trim())
          ? undefined
          : t.invalidUrl
        : action === 'resubmit' && filesTooLarge(v.files)
          ? t.fileTooLarge
          : undefined;
  const title = t.actions[action] ?? action;
  return (
    <ActionModal
      title={title}
      onCancel={onCancel}
      size={action === 'resubmit' || action === 'complete' ? 'large' : 'medium'}
      busy={m.isPending}
      errorText={m.error ? errorSentence(m.error, title.toLowerCase()) : undefined}
      onSubmit={() => {
        setShown(true);
        if (!err) m.mutate(v);
      }}
    >
      <Box variant="p">{update.title}</Box>
      {action === 'complete' && (
        <>
          <Box variant="p">{t.readBeforeConfirming}</Box>
          <Information update={update} />
        </>
      )}
      {(action === 'return' || action === 'withdraw') && (
        <FormField label={t.reason} errorText={shown ? err : undefined} stretch>
          <Textarea value={v.reason} onChange={(e) => setV({ ...v, reason: e.detail.value })} ariaLabel={t.reason} />
        </FormField>
      )}
      {action === 'published' && (
        <FormField label={t.pageUrl} errorText={shown ? err : undefined} stretch>
          <Input
            type="url"
            value={v.url}
            onChange={(e) => setV({ ...v, url: e.detail.value })}
            ariaLabel={t.pageUrl}
            placeholder="https://"
          />
        </FormField>
      )}
      {action === 'resubmit' && (
        <>
          <FormField label={t.newBody} stretch>
            <Textarea
              value={v.body}
              onChange={(e) => setV({ ...v, body: e.detail.value })}
              ariaLabel={t.newBody}
              rows={6}
            />
          </FormField>
          <FormField label={t.attachments} description={t.attachmentsHint} errorText={shown ? err : undefined} stretch>
            <FilePicker
              files={v.files}
              onChange={(files) => setV({ ...v, files })}
              texts={websiteFileTexts}
              tooLarge={t.fileTooLarge}
            />
          </FormField>
        </>
      )}
    </ActionModal>
  );
};
