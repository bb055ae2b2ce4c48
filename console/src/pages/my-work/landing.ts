import type { Me } from '../../commons/auth';

/** The division whose chief also answers for requests no division holds yet (breach alerts go to them). */
export const ICT_DIVISION = 'ict';

/** Which desk a person lands on, by the first of their roles that has one. */
export type Landing =
  | { readonly kind: 'chief'; readonly division: string; readonly ict: boolean }
  | { readonly kind: 'head' | 'auditor' | 'spokesperson' | 'intake' | 'officer' | 'social' };

/** A chief's division comes first; then the head of agency's figures; then the auditor's list; then the Social Media Lead's accounts; else one's own desk. */
export const landingOf = (me: Pick<Me, 'roles' | 'division'>): Landing => {
  if (me.roles.includes('division_chief') && me.division)
    return { kind: 'chief', division: me.division, ict: me.division === ICT_DIVISION };
  if (me.roles.includes('head_of_agency')) return { kind: 'head' };
  if (me.roles.includes('auditor')) return { kind: 'auditor' };
  // The Social Media Lead (clause 9) lands on the accounts' open incidents and the steps waiting for them.
  if (me.roles.includes('social_media_lead')) return { kind: 'social' };
  if (me.roles.includes('intake_officer')) return { kind: 'intake' };
  if (me.roles.includes('spokesperson')) return { kind: 'spokesperson' };
  return { kind: 'officer' };
};
