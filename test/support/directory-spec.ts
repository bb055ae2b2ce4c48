import type { Actor } from '../../domain/agency/actor.js';
import type { Directory } from '../../domain/agency/directory.js';
import {
  createDirectoryDecider,
  directoryAt,
  foldDirectory,
  seedEvents,
  type DirectoryCommand,
} from '../../domain/directory/index.js';
import type { DirectoryEvent } from '../../events/directory-events.js';
import { necs } from './agency.js';
import { DeciderSpecification, playWith } from './decider-spec.js';

/** When the NECS directory was seeded from agency.json in these specs. */
export const SEEDED_AT = '2026-01-05T09:00:00+06:00';
/** A Monday morning in Thimphu, well after the seed: "now" for most directory specs. */
export const NOW = '2026-11-23T10:00:00+06:00';

/** The NECS directory as seeded: its three divisions and eleven people, in post since the start of the record. */
export const seeded = (): DirectoryEvent[] => seedEvents(necs.config, SEEDED_AT);

/** The agency's one admin in the sample: the ICT chief. */
export const admin: Actor = { kind: 'user', userId: 'ict.head', roles: ['division_chief', 'admin'], division: 'ict' };
export const ppdChief: Actor = { kind: 'user', userId: 'ppd.chief', roles: ['division_chief'], division: 'ppd' };

export const directoryDecider = createDirectoryDecider(necs.config);

export const asCommand = (
  type: DirectoryCommand['type'],
  data: DirectoryCommand['data'],
  now: string,
  actor: Actor = admin,
): DirectoryCommand => ({ type, data, metadata: { now, actor } }) as DirectoryCommand;

/** Given these directory events, when this command (at `now`, by `actor`), then these events or this refusal. */
export const given = (history: readonly DirectoryEvent[]) => ({
  when: (type: DirectoryCommand['type'], data: DirectoryCommand['data'], now: string, actor: Actor = admin) =>
    DeciderSpecification.for(directoryDecider)
      .given(history)
      .when(asCommand(type, data, now, actor)),
});

/** One command of a setup: type, data, when, and by whom (the admin when left out). */
export type DirectoryStep = [DirectoryCommand['type'], DirectoryCommand['data'], string, Actor?];

/** Plays commands one after another onto `history`; a refusal fails the test. */
export const playDirectory = (history: DirectoryEvent[], ...steps: DirectoryStep[]): DirectoryEvent[] =>
  playWith(
    directoryDecider,
    steps.map(([type, data, now, actor]) => asCommand(type, data, now, actor)),
    history,
  );

/** The directory as it stood at `instant` after these events. */
export const directoryAfter = (events: readonly DirectoryEvent[], instant: string): Directory =>
  directoryAt(foldDirectory(events), instant, necs.config);
