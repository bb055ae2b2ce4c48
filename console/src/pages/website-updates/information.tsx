import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState } from 'react';
import { download } from '../../commons/api';
import { errorSentence } from '../../commons/error-sentence';
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
          <div key={a.sha256} style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
            <Button
              variant="inline-link"
              iconName="download"
              ariaLabel={strings.request.download(a.filename)}
              onClick={() =>
                void download(
                  `/website-updates/${encodeURIComponent(update.id)}/attachments/${a.sha256}`,
                  a.filename,
                ).then(
                  () => setFailed(null),
                  (e: unknown) => setFailed(errorSentence(e, t.openFile(a.filename))),
                )
              }
            >
              {a.filename}
            </Button>
            <Box
              variant="small"
              color="text-body-secondary"
            >{`${formatBytes(a.sizeBytes)}${a.publishable ? ` · ${strings.actions.publishable}` : ''}`}</Box>
          </div>
        ))}
        {failed && <Box color="text-status-error">{failed}</Box>}
      </SpaceBetween>
    </SpaceBetween>
  );
};
