import type { DirectoryEvent } from '../../events/directory-events.js';
import type { AgencyConfig } from '../agency/config.js';
import type { Decider } from '../shared/decider.js';
import type { DirectoryCommand } from './commands.js';
import { decideDirectory } from './decide.js';
import { evolveDirectory, initialDirectoryState, type DirectoryState } from './state.js';

/** The agency directory (people, divisions, roles, leave) as a decider, run by the one command handler. */
export type DirectoryDecider = Decider<DirectoryCommand, DirectoryEvent, DirectoryState>;

/** The directory's decider under the agency's configuration (its zone decides which day "today" is). */
export const createDirectoryDecider = (config: AgencyConfig): DirectoryDecider => ({
  decide: (command, state) => decideDirectory(command, state, config),
  evolve: evolveDirectory,
  initialState: initialDirectoryState,
});
