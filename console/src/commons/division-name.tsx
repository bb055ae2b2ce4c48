import { useDivisions } from './divisions';

/** A division by its name (the id until the list is read); "—" for none. */
export const DivisionName = ({ id }: { id: string | null | undefined }) => {
  const { nameOf } = useDivisions();
  return <>{id ? nameOf(id) : '—'}</>;
};
