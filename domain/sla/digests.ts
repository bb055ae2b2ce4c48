import type { Directory } from '../agency/directory.js';
import type { SlaSettings } from '../agency/config.js';
import { calendarNotices } from '../calendar/holiday-notices.js';
import { slaStatusAt } from '../calendar/sla-status.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import type { AlertRecipients } from './recipients.js';
import type { AlertKind, OpenItem } from './open-item.js';

export type { AlertKind, OpenItem } from './open-item.js';

export interface DigestItem extends OpenItem {
  /** Why the item is named: breached, escalated (breached long enough for the head of agency), or at risk. */
  readonly alert: AlertKind;
  /** Working days past the due date (0 for at-risk requests). */
  readonly workingDaysOverdue: number;
}

/** One mail to one person on one working day. */
export interface Digest {
  readonly digestId: string;
  readonly recipient: string;
  readonly email: string;
  readonly day: string;
  readonly items: readonly DigestItem[];
  /** Things admins must know that are not requests (next year's holidays still provisional). */
  readonly notices?: readonly string[];
}

/** Working days after `fromDate` up to and including `toDate`. */
export const workingDaysAfter = (cal: WorkingCalendar, fromDate: string, toDate: string): number => {
  let days = 0;
  for (let d = cal.addDays(fromDate, 1); d <= toDate; d = cal.addDays(d, 1)) if (cal.isWorkingDay(d)) days++;
  return days;
};

/**
 * Who hears about which item today, for every workflow alike. Breached: the chiefs of the division
 * answerable (see `AlertRecipients`); breached for `escalateAfterWorkingDays` or more: the head of agency
 * as well. At risk: the people who do the work. One digest per person per working day, whatever the
 * workflow; none on a day the office is closed.
 */
export const planDigests = (
  open: readonly OpenItem[],
  now: string,
  cal: WorkingCalendar,
  directory: Directory,
  sla: SlaSettings,
  recipients: AlertRecipients,
): Digest[] => {
  const today = cal.localDate(cal.parseInstant(now));
  if (!cal.isWorkingDay(today)) return [];
  const byRecipient = new Map<string, DigestItem[]>();
  // While someone is on leave, their digest goes to their delegate.
  const add = (intended: string, item: DigestItem) => {
    const userId = directory.standIn(intended);
    const list = byRecipient.get(userId) ?? [];
    if (!list.some((i) => i.itemId === item.itemId && i.alert === item.alert && i.kind === item.kind)) list.push(item);
    byRecipient.set(userId, list);
  };
  for (const r of open) {
    const status = slaStatusAt(cal, { dueAt: r.dueAt, ...(r.pausedAt ? { pausedAt: r.pausedAt } : {}) }, now);
    if (status === 'breached') {
      const overdue = workingDaysAfter(cal, cal.localDate(cal.parseInstant(r.dueAt)), today);
      for (const id of recipients(r, 'breached', directory))
        add(id, { ...r, alert: 'breached', workingDaysOverdue: overdue });
      if (overdue >= sla.escalateAfterWorkingDays) {
        for (const id of recipients(r, 'escalated', directory))
          add(id, { ...r, alert: 'escalated', workingDaysOverdue: overdue });
      }
    } else if (status === 'at_risk') {
      for (const id of recipients(r, 'at_risk', directory)) add(id, { ...r, alert: 'at_risk', workingDaysOverdue: 0 });
    }
  }
  return [...byRecipient.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([recipient, items]) => {
      const user = directory.user(recipient);
      return user
        ? [
            {
              digestId: `${today}.${recipient}`,
              recipient,
              email: user.email,
              day: today,
              items: [...items].sort((a, b) => a.dueAt.localeCompare(b.dueAt)),
            },
          ]
        : [];
    });
};

/**
 * The admins' daily calendar notice: from 1 December, while next year's official holiday list is not
 * recorded, one digest per admin per working day saying so. It is a digest of its own
 * (`<day>.<admin>.notices`), so that an early scan's notice never takes the place of a later scan's alerts.
 */
export const noticeDigests = (cal: WorkingCalendar, today: string, directory: Directory): Digest[] => {
  if (!cal.isWorkingDay(today)) return [];
  const notices = calendarNotices(cal, today);
  if (notices.length === 0) return [];
  return directory.withRole('admin').map((u) => ({
    digestId: `${today}.${u.id}.notices`,
    recipient: u.id,
    email: u.email,
    day: today,
    items: [],
    notices,
  }));
};
