import type { RequestCommandType } from './commands.js';
import {
  OPEN_STATUSES,
  REQUEST_STATUSES,
  UNFINISHED_STATUSES,
  WORKING_STATUSES,
  type RequestStatus,
} from './statuses.js';

/** Views are asked and recorded while the division works on a request, and while the requester is asked. */
const CONSULTING: readonly RequestStatus[] = [...WORKING_STATUSES, 'awaiting_clarification'];

/**
 * The statuses a person's command is accepted in: the decider refuses it in any other
 * (`decide.ts`), and the console offers its action only in these (`allowed-actions.ts`). Commands
 * not listed here (the mail system's facts, the SLA clock's) check their own state.
 */
export const ACCEPTED_STATUSES = {
  AssignRequest: OPEN_STATUSES,
  RequestConsultation: CONSULTING,
  RecordConsultation: CONSULTING,
  RequestClarification: WORKING_STATUSES,
  ExtendDeadline: WORKING_STATUSES,
  /** Closed and archived requests accept notes and the mail system's facts, nothing else. */
  ReceiveRequesterMessage: UNFINISHED_STATUSES,
  SendResponse: [...WORKING_STATUSES, 'responded'],
  ArchiveRequest: ['responded'],
  CloseRequest: OPEN_STATUSES,
  AnswerWithPublishedPage: OPEN_STATUSES,
  AddNote: REQUEST_STATUSES,
} as const satisfies Partial<Record<RequestCommandType, readonly RequestStatus[]>>;
