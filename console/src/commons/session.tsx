import { createContext, useContext } from 'react';
import type { Me } from './auth';

export const SessionContext = createContext<Me | undefined>(undefined);

/** The signed-in person; only used inside the signed-in layout. What they may do is `me.can`, as the API says. */
export const useMe = (): Me => {
  const me = useContext(SessionContext);
  if (!me) throw new Error('no session');
  return me;
};
