import { describe, expect, it } from '@jest/globals';
import { directoryAt, foldDirectory, seedEvents } from '../../../domain/directory/index.js';
import { planDigests, type OpenItem } from '../../../domain/sla/digests.js';
import { alertRecipientsWith, requestAtRiskRecipients } from '../../../domain/sla/recipients.js';
import type { DirectoryEvent } from '../../../events/directory-events.js';
import { necs, plainCalendar } from '../../support/agency.js';

const cal = plainCalendar();
/** Due Friday 20 November; breached on Monday the 23rd. */
const breached: OpenItem = {
  kind: 'request',
  itemId: 'NECS-2026-00001',
  subject: 'EIA',
  requesterKind: 'public',
  division: 'ppd',
  assignee: null,
  dueAt: '2026-11-20T17:00:00+06:00',
  pausedAt: null,
};
const MONDAY = '2026-11-23T10:00:00+06:00';
const recipients = alertRecipientsWith(() => requestAtRiskRecipients);

const leave: DirectoryEvent = {
  type: 'LeaveGranted',
  schemaVersion: 1,
  occurredAt: '2026-11-19T10:00:00+06:00',
  actor: { kind: 'user', userId: 'ppd.chief', role: 'division_chief' },
  data: {
    personId: 'ppd.chief',
    from: '2026-11-23T00:00:00+06:00',
    to: '2026-11-25T00:00:00+06:00',
    delegateTo: 'ppd.officer',
  },
};

describe('breach digests while the chief is on leave', () => {
  it('go to the delegate during the leave, and to the chief again once it ends', () => {
    // Prepare
    const state = foldDirectory([...seedEvents(necs.config, '2026-01-05T09:00:00+06:00'), leave]);
    // Act
    const during = planDigests(
      [breached],
      MONDAY,
      cal,
      directoryAt(state, MONDAY, necs.config),
      necs.config.sla,
      recipients,
    );
    const after = planDigests(
      [breached],
      '2026-11-25T10:00:00+06:00',
      cal,
      directoryAt(state, '2026-11-25T10:00:00+06:00', necs.config),
      necs.config.sla,
      recipients,
    );
    // Assess
    expect(during.map((d) => [d.recipient, d.email])).toEqual([['ppd.officer', 'ppd.officer@necs.example']]);
    expect(after.map((d) => d.recipient)).toContain('ppd.chief');
    expect(after.map((d) => d.recipient)).not.toContain('ppd.officer');
  });
});
