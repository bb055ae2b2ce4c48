import type { MailPurpose } from '../../events/request-events.js';
import type * as z from 'zod';

/**
 * Purposes of mail a request sends to its staff rather than to its requester. A reply to one is never
 * the requester's correspondence: it never enters the request as their message, never ends a
 * clarification, never restarts the clock.
 */
const STAFF_PURPOSES: ReadonlySet<z.infer<typeof MailPurpose>> = new Set(['consultation_request']);

/** Whether mail sent for this purpose went to staff (a view asked), not to the requester. */
export const isStaffMailPurpose = (purpose: z.infer<typeof MailPurpose>): boolean => STAFF_PURPOSES.has(purpose);
