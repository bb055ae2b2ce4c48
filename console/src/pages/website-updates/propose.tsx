import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap, type ApiError } from '../../commons/api';
import { ConfirmModal } from '../../commons/form-modal';
import { strings } from '../../commons/strings';
import { UpdateLink } from './queue';
import { errorSentence } from '../../commons/error-sentence';

const t = strings.website;

/**
 * "Propose for the website" on a row of the common-requests table: after a confirmation, ICT services get
 * a website update with the topic's archived responses' publishable files (POST /reports/common-requests/propose).
 * A topic already proposed says so (409) and links nothing new.
 */
export const ProposeForWebsite = ({ topic }: { topic: string }) => {
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const m = useMutation<{ id: string }, ApiError>({
    mutationFn: async () => unwrap(await api().POST('/reports/common-requests/propose', { body: { topic } })),
    onSuccess: async () => {
      setOpen(false);
      await client.invalidateQueries({ queryKey: ['website-updates'] });
    },
  });
  if (m.data)
    return (
      <Box variant="span">
        {t.proposed}
        <UpdateLink id={m.data.id} />
      </Box>
    );
  return (
    <>
      <Button
        onClick={() => {
          m.reset();
          setOpen(true);
        }}
        ariaLabel={`${t.propose}: ${topic}`}
      >
        {t.propose}
      </Button>
      {open && (
        <ConfirmModal
          header={t.proposeTitle(topic)}
          submit={t.propose}
          pending={m.isPending}
          onSubmit={() => m.mutate()}
          onDismiss={() => setOpen(false)}
        >
          <SpaceBetween size="s">
            <Box>{t.proposeBody}</Box>
            {m.error && <Box color="text-status-error">{errorSentence(m.error, strings.errors.save)}</Box>}
          </SpaceBetween>
        </ConfirmModal>
      )}
    </>
  );
};
