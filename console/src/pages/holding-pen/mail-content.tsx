import Box from '@cloudscape-design/components/box';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Spinner from '@cloudscape-design/components/spinner';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../commons/api';
import { errorSentence } from '../../commons/error-sentence';
import { DownloadRow } from '../../commons/download-row';
import { formatBytes } from '../../commons/format';
import { strings } from '../../commons/strings';

const t = strings.holdingPen;

/** A held mail's text, read from its own record (`GET /holding-pen/{id}`) when its card is shown. */
export const MailText = ({ id }: { id: string }) => {
  const q = useQuery({
    queryKey: ['held-mail', id],
    queryFn: async () => unwrap(await api().GET('/holding-pen/{id}', { params: { path: { id } } })),
    staleTime: Infinity,
  });
  if (q.isPending) return <Spinner />;
  if (q.isError) return <Box color="text-status-error">{errorSentence(q.error, strings.errors.loadMail)}</Box>;
  return (
    <div
      style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', maxHeight: 320, overflowY: 'auto' }}
      tabIndex={0}
      role="region"
      aria-label={t.textOf(q.data.subject || t.noSubject)}
    >
      {q.data.text.trim() || t.noText}
    </div>
  );
};

/** The files that came with the mail, each to open; quarantined ones named, with why, and never offered. */
export const MailFiles = ({
  id,
  attachments,
  quarantined,
}: {
  id: string;
  attachments: readonly { filename: string; sizeBytes: number; sha256: string }[];
  quarantined: readonly { filename: string; reason: string }[];
}) => {
  const [failed, setFailed] = useState<string | null>(null);
  if (attachments.length === 0 && quarantined.length === 0) return <Box color="text-body-secondary">{t.noFiles}</Box>;
  return (
    <SpaceBetween size="xxs">
      {attachments.map((a) => (
        <DownloadRow
          key={a.sha256}
          path={`/holding-pen/${id}/attachments/${a.sha256}`}
          filename={a.filename}
          detail={formatBytes(a.sizeBytes)}
          doing={t.openFile(a.filename)}
          onOutcome={setFailed}
        />
      ))}
      {quarantined.map((a) => (
        <div key={a.filename}>
          <Box variant="span">{a.filename}</Box>{' '}
          <Box variant="small" color="text-status-warning">
            {t.quarantinedWhy(a.reason)}
          </Box>
        </div>
      ))}
      {failed && <Box color="text-status-error">{failed}</Box>}
    </SpaceBetween>
  );
};
