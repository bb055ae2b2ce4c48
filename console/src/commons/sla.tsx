import Box from '@cloudscape-design/components/box';
import Popover from '@cloudscape-design/components/popover';
import Spinner from '@cloudscape-design/components/spinner';
import StatusIndicator, { type StatusIndicatorProps } from '@cloudscape-design/components/status-indicator';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type RequestView } from './api';
import { formatDate, formatDateTime } from './format';
import { strings } from './strings';
import { errorSentence } from './error-sentence';

const t = strings.sla;
/** How each SLA state looks as a status indicator (requests' and website updates' alike). */
export const slaLook: Record<string, StatusIndicatorProps.Type> = {
  on_track: 'success',
  at_risk: 'warning',
  breached: 'error',
  met: 'success',
  paused: 'pending',
  closed: 'stopped',
};

/** The SLA as a status, with the due date; `explain` adds the day-by-day count on hover. */
export const SlaStatus = ({
  request,
  nowrap = false,
}: {
  request: Pick<RequestView, 'sla' | 'dueAt' | 'receivedAt' | 'pausedAt' | 'extendedWorkingDays'>;
  nowrap?: boolean;
}) => (
  // In a table the status stays on one line beside its icon ("Breached" split over two reads badly).
  <StatusIndicator type={slaLook[request.sla] ?? 'info'} wrapText={!nowrap}>
    {request.pausedAt && request.sla !== 'met' ? t.paused : (t[request.sla] ?? request.sla)}
  </StatusIndicator>
);

/** The due date with its explanation in a popover (the agency calendar's count from day 0). */
export const DueDate = ({
  request,
}: {
  request: Pick<RequestView, 'dueAt' | 'receivedAt' | 'pausedAt' | 'extendedWorkingDays'>;
}) => (
  <Popover header={t.explanation} size="large" triggerType="text" content={<Explanation request={request} />}>
    {formatDateTime(request.dueAt)}
  </Popover>
);

export const Explanation = ({
  request,
}: {
  request: Pick<RequestView, 'dueAt' | 'receivedAt' | 'pausedAt' | 'extendedWorkingDays'>;
}) => {
  const q = useQuery({
    queryKey: ['due-date', request.receivedAt],
    queryFn: async () =>
      unwrap(await api().GET('/calendar/due-date', { params: { query: { receivedAt: request.receivedAt } } })),
    staleTime: 60_000,
  });
  if (q.isPending) return <Spinner />;
  if (q.isError) return <Box color="text-status-error">{errorSentence(q.error, strings.errors.explain)}</Box>;
  return (
    <div>
      <ol style={{ margin: 0, paddingLeft: 20 }}>
        {q.data.explanation.map((line) => (
          <li key={line.date + line.kind}>
            <Box
              variant="span"
              fontWeight={line.kind === 'skipped' ? 'normal' : 'bold'}
              color={line.kind === 'skipped' ? 'text-body-secondary' : 'inherit'}
            >
              {formatDate(line.date)}
            </Box>
            {' — '}
            {line.kind === 'counted' ? `${t.day} ${line.count ?? ''}: ` : ''}
            {line.reason}
          </li>
        ))}
      </ol>
      {request.extendedWorkingDays > 0 && (
        <Box margin={{ top: 's' }}>{strings.request.extended(request.extendedWorkingDays)}</Box>
      )}
      {request.pausedAt && <Box margin={{ top: 's' }}>{`${t.paused_since} ${formatDateTime(request.pausedAt)}`}</Box>}
      <Box margin={{ top: 's' }} fontWeight="bold">{`${t.due}: ${formatDateTime(request.dueAt || q.data.dueAt)}`}</Box>
    </div>
  );
};
