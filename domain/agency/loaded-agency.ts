import type { AgencyConfig } from './config.js';
import type { Directory } from './directory.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';

/**
 * An agency as its configuration describes it, validated: what use cases are given. Reading it from
 * files is config/load.ts's job (I/O), so that use cases can name it without importing the loader.
 */
export interface LoadedAgency {
  readonly config: AgencyConfig;
  readonly directory: Directory;
  /** The calendar from configuration and holiday files, before run-time declarations. */
  readonly calendar: WorkingCalendar;
}
