import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type ApiError } from '../../commons/api';
import { errorLine } from '../../commons/field-errors';
import { RequestLink } from '../../commons/request-table';
import { strings } from '../../commons/strings';

const t = strings.holidaysByYear;

const Figure = ({ label, ids, count }: { label: string; ids?: readonly string[]; count?: number }) => (
  <div>
    <Box variant="awsui-key-label">{label}</Box>
    <Box variant="awsui-value-large" data-testid={`scan-${label}`}>
      {String(ids?.length ?? count ?? 0)}
    </Box>
    {ids && ids.length > 0 && (
      <ul>
        {ids.map((id) => (
          <li key={id}>
            <RequestLink id={id} />
          </li>
        ))}
      </ul>
    )}
  </div>
);

/** Admins run the breach scan now (POST /sla/scan) and see what it found. */
export const SlaScan = () => {
  const client = useQueryClient();
  const scan = useMutation<{ breached: string[]; atRisk: string[]; alertsQueued: number }, ApiError>({
    mutationFn: async () => unwrap(await api().POST('/sla/scan', { body: {} })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['requests'] }),
  });
  return (
    <Container
      header={
        <Header
          variant="h2"
          description={t.scanDescription}
          actions={
            <Button loading={scan.isPending} onClick={() => scan.mutate()}>
              {t.runScan}
            </Button>
          }
        >
          {t.scan}
        </Header>
      }
    >
      <SpaceBetween size="m">
        {scan.error && <Alert type="error">{errorLine(scan.error)}</Alert>}
        {scan.data && (
          <ColumnLayout columns={3} variant="text-grid">
            <Figure label={t.breached} ids={scan.data.breached} />
            <Figure label={t.atRisk} ids={scan.data.atRisk} />
            <Figure label={t.alertsQueued} count={scan.data.alertsQueued} />
          </ColumnLayout>
        )}
      </SpaceBetween>
    </Container>
  );
};
