import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { useQuery } from '@tanstack/react-query';
import { api, ApiError, unwrap, type Schemas } from '../../commons/api';
import { errorLine } from '../../commons/field-errors';
import { formatDateTime } from '../../commons/format';
import { strings } from '../../commons/strings';

const t = strings.evidence;

/** Saves the bundle exactly as the API gave it, formatted like `desk proof --out` writes it. */
const saveBundle = (ref: string, bundle: Schemas['EvidenceBundle']) => {
  const url = URL.createObjectURL(new Blob([`${JSON.stringify(bundle, null, 2)}\n`], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `${ref}.proof.json`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
};

/** Where this request's head stands against the anchor: covered, behind (newer events), or not matching. */
const Standing = ({
  bundle,
  head,
  latest,
}: {
  bundle: Schemas['EvidenceBundle'];
  head: { version: number; hash: string } | undefined;
  latest: number | undefined;
}) => {
  const seq = bundle.anchor.statement.sequence;
  const anchoredEvent = bundle.events.find((e) => e.version === bundle.leaf.version);
  return (
    <SpaceBetween size="xxs">
      {anchoredEvent && anchoredEvent.hash !== bundle.leaf.hash ? (
        <StatusIndicator type="error">{t.mismatch(seq, bundle.leaf.version)}</StatusIndicator>
      ) : head && head.version === bundle.leaf.version && head.hash === bundle.leaf.hash ? (
        <StatusIndicator type="success">{t.covered(seq)}</StatusIndicator>
      ) : (
        <StatusIndicator type="info">
          {t.behind(seq, bundle.leaf.version, head?.version ?? bundle.events.length)}
        </StatusIndicator>
      )}
      {latest !== undefined && latest > seq && <Box variant="small">{t.notLatest(latest)}</Box>}
    </SpaceBetween>
  );
};

/**
 * The request against the anchors: whether its head is covered by the latest anchor, that anchor (time,
 * root, key id), and the evidence bundle to download — the same JSON `desk proof <REF> --out FILE` writes,
 * which `desk verify-proof FILE` checks with no access to the system.
 */
export const Evidence = ({
  id,
  head,
  latest,
}: {
  id: string;
  head: { version: number; hash: string } | undefined;
  latest: number | undefined;
}) => {
  const proof = useQuery<Schemas['EvidenceBundle'], ApiError>({
    queryKey: ['proof', id, latest],
    queryFn: async () => unwrap(await api().GET('/requests/{id}/proof', { params: { path: { id } } })),
    retry: false,
  });
  const bundle = proof.data;
  const notYet = proof.error instanceof ApiError && proof.error.code === 'NOT_YET_ANCHORED';
  return (
    <Container
      header={
        <Header
          variant="h2"
          description={t.description}
          actions={
            <Button iconName="download" disabled={!bundle} onClick={() => bundle && saveBundle(id, bundle)}>
              {t.download}
            </Button>
          }
        >
          {t.title}
        </Header>
      }
    >
      {proof.isPending ? (
        <StatusIndicator type="loading">{strings.app.loading}</StatusIndicator>
      ) : notYet ? (
        <StatusIndicator type="pending">{t.notAnchored}</StatusIndicator>
      ) : proof.error ? (
        <Alert type="error">{errorLine(proof.error)}</Alert>
      ) : bundle ? (
        <SpaceBetween size="m">
          <div data-testid="anchor-standing">
            <Standing bundle={bundle} head={head} latest={latest} />
          </div>
          <KeyValuePairs
            columns={3}
            items={[
              { label: t.sequence, value: `#${bundle.anchor.statement.sequence}` },
              { label: t.anchoredAt, value: formatDateTime(bundle.anchor.statement.anchoredAt) },
              { label: t.leaf, value: String(bundle.leaf.version) },
              { label: t.root, value: <Box variant="code">{bundle.anchor.statement.root}</Box> },
              { label: t.keyId, value: <Box variant="code">{bundle.anchor.statement.keyId}</Box> },
              { label: t.treeSize, value: String(bundle.anchor.statement.treeSize) },
            ]}
          />
          <Box variant="small">{t.downloadHint(id)}</Box>
        </SpaceBetween>
      ) : null}
    </Container>
  );
};
