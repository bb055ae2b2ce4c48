import { Role } from '../events/primitives.js';

/** The roles of the contract; on AWS each is a Cognito group. */
export const Roles = Role.options;
