import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap, type ApiError } from '../../commons/api';
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
        <Modal
          visible
          header={t.proposeTitle(topic)}
          onDismiss={() => setOpen(false)}
          closeAriaLabel={strings.app.close}
          footer={
            <Box float="right">
              <SpaceBetween direction="horizontal" size="xs">
                <Button variant="link" onClick={() => setOpen(false)}>
                  {strings.app.cancel}
                </Button>
                <Button variant="primary" loading={m.isPending} onClick={() => m.mutate()}>
                  {t.propose}
                </Button>
              </SpaceBetween>
            </Box>
          }
        >
          <SpaceBetween size="s">
            <Box>{t.proposeBody}</Box>
            {m.error && <Box color="text-status-error">{errorSentence(m.error, strings.errors.save)}</Box>}
          </SpaceBetween>
        </Modal>
      )}
    </>
  );
};
