/** The stream of an agency's people, divisions and roles. */
export const directoryStreamId = (agencyId: string): string => `directory#${agencyId}`;
