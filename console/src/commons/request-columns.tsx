import Badge from '@cloudscape-design/components/badge';
import type { CollectionPreferencesProps } from '@cloudscape-design/components/collection-preferences';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { TableProps } from '@cloudscape-design/components/table';
import Box from '@cloudscape-design/components/box';
import { useState } from 'react';
import type { RequestView } from './api';
import { formatDateTime } from './format';
import { AuditLink, RequestLink } from './request-link';
import { DueDate, SlaStatus } from './sla';
import { strings } from './strings';

const f = strings.fields;

/** The API marks items of a work list that are there because someone asked the caller's view. */
const askedOfMe = (r: RequestView) => r.askedOfMe === true;

/** What a table's cells need beside the request: where a reference leads, how wide the window is, names for ids. */
export interface ColumnContext {
  /** `audit`: a reference opens the request's audit view (the auditor's list); else its page. */
  readonly linkTo?: 'request' | 'audit';
  /** On a phone the subject sits under the reference, so it is read without scrolling sideways. */
  readonly narrow?: boolean;
  readonly divisionName?: (id: string | null | undefined) => string;
}

const reference = (r: RequestView, ctx: ColumnContext) => {
  const link = ctx.linkTo === 'audit' ? <AuditLink id={r.id} /> : <RequestLink id={r.id} />;
  return (
    <SpaceBetween size="xxs">
      {link}
      {askedOfMe(r) && <Badge color="blue">{strings.myWork.askedOfMe}</Badge>}
      {ctx.narrow && (
        <Box variant="small" color="text-body-secondary">
          {r.subject}
        </Box>
      )}
    </SpaceBetween>
  );
};

// What staff decide on first sits first: reference, SLA and due date stay in view on a narrow window.
export const requestColumnsFor = (ctx: ColumnContext = {}): TableProps.ColumnDefinition<RequestView>[] => [
  { id: 'id', header: f.reference, cell: (r) => reference(r, ctx), isRowHeader: true },
  { id: 'sla', header: f.sla, cell: (r) => <SlaStatus request={r} nowrap />, minWidth: 150 },
  { id: 'due', header: f.due, cell: (r) => <DueDate request={r} />, minWidth: 120 },
  { id: 'subject', header: f.subject, cell: (r) => r.subject, minWidth: 200, maxWidth: 360 },
  { id: 'requester', header: f.requester, cell: (r) => r.requester.name },
  { id: 'status', header: f.status, cell: (r) => strings.status[r.status] ?? r.status },
  {
    id: 'division',
    header: f.division,
    cell: (r) => (ctx.divisionName ? ctx.divisionName(r.division) : (r.division ?? f.unassigned)),
  },
  { id: 'assignee', header: f.assignee, cell: (r) => r.assignee ?? f.nobody },
  { id: 'received', header: f.received, cell: (r) => formatDateTime(r.receivedAt) },
];
export const requestColumns = requestColumnsFor();

// On a phone the subject shows under the reference: its own column would sit off-screen.
const NARROW = new Set(['id', 'sla', 'due', 'status']);
const KEY = 'request-desk.request-columns';

/** Phone-sized windows (Cloudscape's own small breakpoint). */
export const NARROW_QUERY = '(max-width: 688px)';

const defaults = (): CollectionPreferencesProps.ContentDisplayItem[] => {
  const narrow = window.matchMedia(NARROW_QUERY).matches;
  return requestColumns.map((c) => ({ id: c.id as string, visible: !narrow || NARROW.has(c.id as string) }));
};

const stored = (): CollectionPreferencesProps.ContentDisplayItem[] | undefined => {
  try {
    const value = JSON.parse(window.localStorage.getItem(KEY) ?? 'null') as unknown;
    if (!Array.isArray(value)) return undefined;
    const known = new Set(requestColumns.map((c) => c.id));
    const items = value.filter(
      (v): v is CollectionPreferencesProps.ContentDisplayItem =>
        typeof v?.id === 'string' && typeof v?.visible === 'boolean' && known.has(v.id),
    );
    // A column added since the person chose stays visible at the end.
    return [
      ...items,
      ...requestColumns
        .filter((c) => !items.some((i) => i.id === c.id))
        .map((c) => ({ id: c.id as string, visible: true })),
    ];
  } catch {
    return undefined;
  }
};

/** Which columns show, in which order: the person's choice (kept in this browser), else defaults for the window's width. */
export const useColumnPreferences = () => {
  const [contentDisplay, setContentDisplay] = useState<readonly CollectionPreferencesProps.ContentDisplayItem[]>(
    () => stored() ?? defaults(),
  );
  const preferences: CollectionPreferencesProps = {
    title: strings.requests.preferences,
    confirmLabel: strings.requests.confirm,
    cancelLabel: strings.app.cancel,
    preferences: { contentDisplay },
    contentDisplayPreference: {
      title: strings.requests.columns,
      options: requestColumns.map((c) => ({
        id: c.id as string,
        label: String(c.header),
        alwaysVisible: c.id === 'id',
      })),
    },
    onConfirm: ({ detail }) => {
      const next = detail.contentDisplay ?? contentDisplay;
      setContentDisplay(next);
      window.localStorage.setItem(KEY, JSON.stringify(next));
    },
  };
  return { contentDisplay, preferences };
};
