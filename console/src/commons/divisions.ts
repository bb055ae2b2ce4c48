import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from './api';
import { strings } from './strings';

/** `GET /divisions`: run-time data (admins add divisions), read once in a while. */
export const divisionsQuery = () =>
  queryOptions({
    queryKey: ['divisions'],
    queryFn: async () => unwrap(await api().GET('/divisions', {})),
    staleTime: 5 * 60_000,
  });

/**
 * The divisions, and a function that names one: a screen shows "Policy and Planning Division", never
 * `ppd`. Until the list is in (or if it cannot be read) the id stands in; none is "Unassigned".
 */
export const useDivisions = () => {
  const divisions = useQuery(divisionsQuery()).data?.divisions ?? [];
  const nameOf = (id: string | null | undefined): string =>
    !id || id === 'unassigned' ? strings.fields.unassigned : (divisions.find((d) => d.id === id)?.name ?? id);
  return { divisions, nameOf };
};
