import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import { download } from './api';
import { errorSentence } from './error-sentence';
import { strings } from './strings';

/**
 * A file to download from the API (`path`): a button named by the file, and a word about it (`detail`).
 * Tells `onOutcome` the sentence to show when the download failed (what was being done: `doing`), else null.
 */
export const DownloadRow = (p: {
  path: string;
  filename: string;
  detail: string;
  doing: string;
  onOutcome: (failure: string | null) => void;
}) => (
  <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
    <Button
      variant="inline-link"
      iconName="download"
      ariaLabel={strings.request.download(p.filename)}
      onClick={() =>
        void download(p.path, p.filename).then(
          () => p.onOutcome(null),
          (e: unknown) => p.onOutcome(errorSentence(e, p.doing)),
        )
      }
    >
      {p.filename}
    </Button>
    <Box variant="small" color="text-body-secondary">
      {p.detail}
    </Box>
  </div>
);
