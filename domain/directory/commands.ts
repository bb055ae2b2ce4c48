import type { Role } from '../../events/primitives.js';
import type { Actor } from '../agency/actor.js';

interface Metadata {
  /** When the command is taken: the directory as it stands then decides. */
  readonly now: string;
  readonly actor: Actor;
}

/** What an admin (or, for their own leave, a person) asks of the directory. */
export type DirectoryCommand =
  | { readonly type: 'AddDivision'; readonly data: { divisionId: string; name: string }; readonly metadata: Metadata }
  | {
      readonly type: 'AddPerson';
      readonly data: { personId: string; name: string; email: string; roles: readonly Role[]; division?: string };
      readonly metadata: Metadata;
    }
  | {
      readonly type: 'AppointPerson';
      readonly data: {
        personId: string;
        roles: readonly Role[];
        division?: string;
        effectiveFrom?: string;
        order?: string;
      };
      readonly metadata: Metadata;
    }
  | {
      readonly type: 'GrantLeave';
      readonly data: { personId: string; from: string; to: string; delegateTo: string };
      readonly metadata: Metadata;
    }
  | {
      readonly type: 'DeactivatePerson';
      readonly data: { personId: string; reason: string };
      readonly metadata: Metadata;
    };

export type DirectoryCommandType = DirectoryCommand['type'];
