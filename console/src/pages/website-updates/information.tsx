import Box from '@cloudscape-design/components/box';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState } from 'react';
import { DownloadRow } from '../../commons/download-row';
import { formatBytes } from '../../commons/format';
import { strings } from '../../commons/strings';
import type { WebsiteUpdate } from './website-api';

const t = strings.website;

/** The information as the division last sent it, and each file to open: what ICT reads before confirming it complete. */
export const Information = ({ update }: { update: WebsiteUpdate & { text?: string } }) => {
  const [failed, setFailed] = useState<string | null>(null);
  return (
    <SpaceBetween size="m">
      <div style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="website-information">
        {update.text || t.noText}
      </div>
      <SpaceBetween size="xs">
        <Box variant="h3">{`${t.attachments} (${update.attachments.length})`}</Box>
        {update.attachments.length === 0 && <Box color="text-body-secondary">{t.noFiles}</Box>}
        {update.attachments.map((a) => (
          <DownloadRow
            key={a.sha256}
            path={`/website-updates/${encodeURIComponent(update.id)}/attachments/${a.sha256}`}
            filename={a.filename}
            detail={`${formatBytes(a.sizeBytes)}${a.publishable ? ` · ${strings.actions.publishable}` : ''}`}
            doing={t.openFile(a.filename)}
            onOutcome={setFailed}
          />
        ))}
        {failed && <Box color="text-status-error">{failed}</Box>}
      </SpaceBetween>
    </SpaceBetween>
  );
};
