import Box from '@cloudscape-design/components/box';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import { useQueries } from '@tanstack/react-query';
import type { RequestView } from '../../commons/api';
import { errorSentence } from '../../commons/error-sentence';
import type { divisionCounted, myWorkCounted } from '../../commons/request-pages';
import { strings } from '../../commons/strings';

const t = strings.myWork;
const KINDS = ['breached', 'at_risk', 'on_track', 'paused'] as const;

/** A request's place in the counts: waiting on the requester first (its clock is stopped), else its SLA. */
const kindOf = (r: RequestView): (typeof KINDS)[number] | undefined =>
  r.pausedAt ? 'paused' : KINDS.find((k) => k === r.sla);

/**
 * Open requests counted by SLA status, from one or more lists read whole (up to 200 each: "200+" past
 * that). While they load the counts say so; if a list cannot be read, a sentence says why — a count
 * never stays "…".
 */
export const Counts = ({
  title,
  queries,
}: {
  title: string;
  queries: readonly (ReturnType<typeof myWorkCounted> | ReturnType<typeof divisionCounted>)[];
}) => {
  const results = useQueries({ queries: [...queries] });
  const failed = results.find((r) => r.isError)?.error;
  const ready = results.every((r) => r.data);
  const all = results.flatMap((r) => r.data?.items ?? []);
  const over = results.some((r) => Boolean(r.data?.nextCursor));
  return (
    <Container header={<Header variant="h2">{title}</Header>}>
      {failed ? (
        <Box color="text-status-error" data-testid="counts-error">
          {errorSentence(failed, strings.errors.loadCounts)}
        </Box>
      ) : (
        <ColumnLayout columns={4} variant="text-grid" minColumnWidth={120}>
          {KINDS.map((k) => (
            <div key={k}>
              <Box variant="awsui-key-label">{strings.sla[k]}</Box>
              <Box
                variant="awsui-value-large"
                color={k === 'breached' && all.some((r) => kindOf(r) === k) ? 'text-status-error' : 'inherit'}
                data-testid={`count-${k}`}
              >
                {ready ? (
                  `${all.filter((r) => kindOf(r) === k).length}${over ? '+' : ''}`
                ) : (
                  <span aria-label={t.counting}>…</span>
                )}
              </Box>
            </div>
          ))}
        </ColumnLayout>
      )}
    </Container>
  );
};
