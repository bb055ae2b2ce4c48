import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type RequestView } from '../../commons/api';
import { formatDateTime } from '../../commons/format';
import { RequestLink } from '../../commons/request-table';
import { strings } from '../../commons/strings';

/**
 * Requests still waiting for their answer (the API's `open=true`: neither archived nor closed; and none
 * sent yet) whose counted days include `date`: a holiday there (or its withdrawal) moves their due date.
 */
export const affectedBy = (date: string, items: readonly RequestView[]) =>
  items.filter((r) => r.respondedAt === null && r.receivedAt.slice(0, 10) <= date && r.dueAt.slice(0, 10) >= date);

/** The open requests a holiday on `date` would move, for the confirmation (none while `date` is not a date). */
export const useAffectedBy = (date: string | undefined) => {
  const requests = useQuery({
    queryKey: ['requests', { open: 'true', limit: 200 }],
    queryFn: async () => unwrap(await api().GET('/requests', { params: { query: { open: 'true', limit: 200 } } })),
  });
  return date ? affectedBy(date, requests.data?.items ?? []) : [];
};

/** The requests a holiday would move, each with its due date as it stands. */
export const AffectedList = ({ requests }: { requests: readonly RequestView[] }) => (
  <ul>
    {requests.map((r) => (
      <li key={r.id}>
        <RequestLink id={r.id} /> — {strings.fields.due} {formatDateTime(r.dueAt)}
      </li>
    ))}
  </ul>
);
