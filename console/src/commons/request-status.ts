import type { Schemas } from './api';
import { strings } from './strings';

/** A request's status, as the API's schema enumerates them (`RequestStatus` in the generated types). */
export type RequestStatus = Schemas['RequestStatus'];

/**
 * Every request status, in the order the strings catalogue labels them. The catalogue's labels are
 * checked against the API's enum at compile time, so this is the API's set, not a copy kept by hand.
 */
export const REQUEST_STATUSES = Object.keys(strings.status) as readonly RequestStatus[];
