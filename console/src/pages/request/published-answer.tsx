import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Link from '@cloudscape-design/components/link';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState } from 'react';
import { api, type ApiError, type RequestView } from '../../commons/api';
import { ConfirmModal } from '../../commons/form-modal';
import { strings } from '../../commons/strings';
import { useCommand } from './use-command';
import { extrasOf } from './view';

const t = strings.website;

/** Who may answer with a published page: as the API lists it (`allowedActions`), decided by the commands' policy. */
const mayAnswer = (r: RequestView) => (extrasOf(r).allowedActions ?? []).includes('answerWithPage');

/**
 * The request's subject matches pages already published on the website (`suggestions` of its view):
 * shows them, and lets those allowed answer with the link — closed with reason `published`, which counts
 * as responded and mails the requester the address.
 */
export const PublishedAnswer = ({
  request,
  version,
  onStale,
  onDone,
}: {
  request: RequestView;
  version: number | undefined;
  onStale: (e: ApiError) => void;
  onDone: (what: string) => void;
}) => {
  const [chosen, setChosen] = useState<{ topic: string; url: string } | null>(null);
  const m = useCommand(request.id, version, onStale, (params, body: { reason: 'published'; url: string }, headers) =>
    api().POST('/requests/{id}/close', { params, body, headers }),
  );
  const suggestions = request.suggestions ?? [];
  if (suggestions.length === 0) return null;
  const allowed = mayAnswer(request);
  return (
    <Alert type="info" header={t.suggestions}>
      <SpaceBetween size="xs">
        <Box>{t.suggestionsHint}</Box>
        {suggestions.map((s) => (
          <SpaceBetween key={s.url} direction="horizontal" size="xs" alignItems="center">
            <Box variant="strong">{s.topic}</Box>
            <Link href={s.url} external>
              {s.url}
            </Link>
            {allowed && (
              <Button
                onClick={() => {
                  m.reset();
                  setChosen(s);
                }}
                ariaLabel={`${t.answerWithPage}: ${s.topic}`}
              >
                {t.answerWithPage}
              </Button>
            )}
          </SpaceBetween>
        ))}
      </SpaceBetween>
      {chosen && (
        <ConfirmModal
          header={t.answerTitle}
          submit={t.answerWithPage}
          pending={m.isPending}
          onSubmit={() =>
            m.mutate(
              { reason: 'published', url: chosen.url },
              {
                onSuccess: () => {
                  setChosen(null);
                  onDone(t.answerWithPage);
                },
              },
            )
          }
          onDismiss={() => setChosen(null)}
        >
          <SpaceBetween size="s">
            <Box>{t.answerBody}</Box>
            <Link href={chosen.url} external>
              {chosen.url}
            </Link>
            {m.error && <Box color="text-status-error">{m.error.message}</Box>}
          </SpaceBetween>
        </ConfirmModal>
      )}
    </Alert>
  );
};
