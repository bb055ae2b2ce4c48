import type { Directory } from '../agency/directory.js';
import type { AlertKind, OpenItem } from './open-item.js';

/**
 * Who hears about an item in an alert of this kind. How people are found (the directory as it stands,
 * leave, delegation) is the directory's; who is answerable is decided here and in each workflow's
 * at-risk rule:
 *
 * - breached: the chiefs of the division answerable for the clock (the ICT chief while no division is), every workflow alike;
 * - escalated: the head of agency, every workflow alike;
 * - at risk: the people who do the work, as the item's workflow says (its SLA adapter's `atRiskRecipients`).
 */
export type AlertRecipients = (item: OpenItem, kind: AlertKind, directory: Directory) => readonly string[];

/**
 * The recipients of every alert: breaches and escalations by the shared rule, at-risk alerts by the
 * rule of the item's own workflow (none when its workflow has none).
 */
export const alertRecipientsWith =
  (atRiskRule: (item: OpenItem) => AlertRecipients | undefined): AlertRecipients =>
  (item, kind, directory) => {
    if (kind === 'escalated') return directory.withRole('head_of_agency').map((u) => u.id);
    if (kind === 'breached') return directory.chiefsOf(item.division ?? 'ict').map((u) => u.id);
    return atRiskRule(item)?.(item, kind, directory) ?? [];
  };

/** At risk, a request: the division's officers and whoever holds it (intake officers while unassigned). */
export const requestAtRiskRecipients: AlertRecipients = (item, _kind, directory) => {
  const officers = item.division
    ? directory
        .allUsers()
        .filter((u) => u.division === item.division && u.roles.includes('division_officer'))
        .map((u) => u.id)
    : directory.withRole('intake_officer').map((u) => u.id);
  return [...new Set([...officers, ...(item.assignee ? [item.assignee] : [])])];
};

/**
 * At risk, an item a division's staff share (a website update): the staff of the division whose clock
 * runs (officers, intake officers) and whoever holds it (a returned update's submitter).
 */
export const divisionStaffAtRiskRecipients: AlertRecipients = (item, _kind, directory) => {
  const division = item.division ?? 'ict';
  const staff = directory
    .allUsers()
    .filter((u) => u.division === division && u.roles.some((r) => r === 'division_officer' || r === 'intake_officer'))
    .map((u) => u.id);
  return [...new Set([...staff, ...(item.assignee ? [item.assignee] : [])])];
};
