import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../commons/api';

/** Everyone in the directory (`GET /people`), shared by the request page's forms and names. */
export const usePeople = () =>
  useQuery({
    queryKey: ['people'],
    queryFn: async (): Promise<Schemas['Person'][]> => unwrap(await api().GET('/people', {})).people,
    staleTime: 60_000,
  });

const useDivisions = () =>
  useQuery({
    queryKey: ['divisions'],
    queryFn: async () => unwrap(await api().GET('/divisions', {})),
    staleTime: 5 * 60_000,
  });

/** Names for ids: a person's name from `GET /people`, a division's from `GET /divisions` (the id until they load). */
export const useNames = () => {
  const people = usePeople().data ?? [];
  const divisions = useDivisions().data?.divisions ?? [];
  return {
    person: (id: string | null | undefined) => (id ? (people.find((p) => p.id === id)?.name ?? id) : ''),
    division: (id: string | null | undefined) => (id ? (divisions.find((d) => d.id === id)?.name ?? id) : ''),
  };
};
export type Names = ReturnType<typeof useNames>;
