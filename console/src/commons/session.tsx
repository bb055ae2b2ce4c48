import { createContext, useContext } from 'react';
import type { Me } from './auth';

export const SessionContext = createContext<Me | undefined>(undefined);

/** The signed-in person; only used inside the signed-in layout. */
export const useMe = (): Me => {
  const me = useContext(SessionContext);
  if (!me) throw new Error('no session');
  return me;
};

export const hasRole = (me: Me, ...roles: string[]) => me.roles.some((r) => roles.includes(r));

/** Who sees which screen (mirrors the API's read policy). */
export const can = {
  intake: (me: Me) => hasRole(me, 'intake_officer'),
  holdingPen: (me: Me) => hasRole(me, 'intake_officer'),
  reports: (me: Me) => hasRole(me, 'head_of_agency', 'division_chief', 'auditor'),
  audit: (me: Me) => hasRole(me, 'auditor', 'admin'),
  admin: (me: Me) => hasRole(me, 'admin'),
  /** The social media register and trail: staff and auditors (the Lead included). */
  social: (me: Me) =>
    hasRole(
      me,
      'social_media_lead',
      'intake_officer',
      'division_officer',
      'division_chief',
      'spokesperson',
      'head_of_agency',
      'admin',
      'auditor',
    ),
  staff: (me: Me) =>
    hasRole(me, 'intake_officer', 'division_officer', 'division_chief', 'spokesperson', 'head_of_agency', 'admin'),
};
