import Box from '@cloudscape-design/components/box';
import Link from '@cloudscape-design/components/link';
import { useState } from 'react';
import { download } from '../../commons/api';
import { formatBytes } from '../../commons/format';
import { strings } from '../../commons/strings';

export interface ListedAttachment {
  readonly filename?: string;
  readonly sizeBytes?: number;
  readonly sha256?: string;
}

/**
 * An attachment of mail received or sent. With the request's reference it downloads the file through
 * the API (fetch with the session's token, then a blob: a plain link would carry no Authorization header).
 */
export const AttachmentLink = ({ requestId, attachment }: { requestId?: string; attachment: ListedAttachment }) => {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const name = attachment.filename ?? '?';
  const size = attachment.sizeBytes !== undefined ? ` (${formatBytes(attachment.sizeBytes)})` : '';
  if (!requestId || !attachment.sha256) return <Box variant="small">{`📎 ${name}${size}`}</Box>;
  const sha256 = attachment.sha256;
  const fetchIt = () => {
    setBusy(true);
    setError(null);
    download(`/requests/${encodeURIComponent(requestId)}/attachments/${sha256}`, name)
      .catch((err: unknown) => setError((err as Error).message))
      .finally(() => setBusy(false));
  };
  return (
    <Box variant="small">
      {'📎 '}
      <Link
        variant="primary"
        fontSize="body-s"
        ariaLabel={strings.request.download(name)}
        onFollow={(e) => {
          e.preventDefault();
          if (!busy) fetchIt();
        }}
      >
        {name}
      </Link>
      {size}
      {error && <Box variant="small" color="text-status-error">{`${strings.request.downloadFailed}: ${error}`}</Box>}
    </Box>
  );
};
