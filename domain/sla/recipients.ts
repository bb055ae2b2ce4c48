import type { Directory } from '../agency/directory.js';
import type { AlertKind, OpenItem } from './open-item.js';

/**
 * Who hears about an item in an alert of this kind: the one place that chooses alert recipients, for
 * every workflow, so that how people are found (the directory as it stands, leave, delegation) can be
 * changed here alone.
 *
 * - breached: the chiefs of the division answerable for the clock (the ICT chief while a request is unassigned);
 * - escalated: the head of agency;
 * - at risk, a request: the division's officers and whoever holds it (intake officers while unassigned);
 * - at risk, a website update: the staff of the division whose clock runs (officers, intake officers)
 *   and the person who submitted it when it is back with their division.
 */
export type AlertRecipients = (item: OpenItem, kind: AlertKind, directory: Directory) => readonly string[];

export const alertRecipients: AlertRecipients = (item, kind, directory) => {
  if (kind === 'escalated') return directory.withRole('head_of_agency').map((u) => u.id);
  if (kind === 'breached') return directory.chiefsOf(item.division ?? 'ict').map((u) => u.id);
  if ((item.workflow ?? 'request') === 'website') {
    const division = item.division ?? 'ict';
    const staff = directory
      .allUsers()
      .filter((u) => u.division === division && u.roles.some((r) => r === 'division_officer' || r === 'intake_officer'))
      .map((u) => u.id);
    return [...new Set([...staff, ...(item.assignee ? [item.assignee] : [])])];
  }
  const officers = item.division
    ? directory
        .allUsers()
        .filter((u) => u.division === item.division && u.roles.includes('division_officer'))
        .map((u) => u.id)
    : directory.withRole('intake_officer').map((u) => u.id);
  return [...new Set([...officers, ...(item.assignee ? [item.assignee] : [])])];
};
