import type { Actor } from '../agency/actor.js';

/** Who asks and when; injected by every entry point (API, email intake, webhook, scheduler). */
export interface CommandMetadata {
  readonly now: string;
  readonly actor: Actor;
}

/** A command of any workflow: what is asked (`type`, `data`) and by whom, when (`metadata`). */
export interface Command<T extends string = string, D = unknown> {
  readonly type: T;
  readonly data: D;
  readonly metadata: CommandMetadata;
}
