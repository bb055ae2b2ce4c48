import type { ConsultationActionId } from './consultation-forms';

/** The actions the request page offers, each shown only when the API lists it in `allowedActions`. */
export type ActionId =
  'assign' | 'note' | ConsultationActionId | 'clarify' | 'extend' | 'respond' | 'archive' | 'close';
