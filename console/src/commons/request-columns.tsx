import Badge from '@cloudscape-design/components/badge';
import type { CollectionPreferencesProps } from '@cloudscape-design/components/collection-preferences';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { TableProps } from '@cloudscape-design/components/table';
import { useState } from 'react';
import type { RequestView } from './api';
import { formatDateTime } from './format';
import { RequestLink } from './request-link';
import { DueDate, SlaStatus } from './sla';
import { strings } from './strings';

const f = strings.fields;

/** The API marks items of a work list that are there because someone asked the caller's view. */
const askedOfMe = (r: RequestView) => r.askedOfMe === true;

// What staff decide on first sits first: reference, SLA and due date stay in view on a narrow window.
export const requestColumns: TableProps.ColumnDefinition<RequestView>[] = [
  {
    id: 'id',
    header: f.reference,
    cell: (r) => (askedOfMe(r) ? <SpaceBetween size="xxs"><RequestLink id={r.id} /><Badge color="blue">{strings.myWork.askedOfMe}</Badge></SpaceBetween> : <RequestLink id={r.id} />),
    isRowHeader: true,
  },
  { id: 'sla', header: f.sla, cell: (r) => <SlaStatus request={r} nowrap />, minWidth: 150 },
  { id: 'due', header: f.due, cell: (r) => <DueDate request={r} />, minWidth: 120 },
  { id: 'subject', header: f.subject, cell: (r) => r.subject, minWidth: 200, maxWidth: 360 },
  { id: 'requester', header: f.requester, cell: (r) => r.requester.name },
  { id: 'status', header: f.status, cell: (r) => strings.status[r.status] ?? r.status },
  { id: 'division', header: f.division, cell: (r) => r.division ?? f.unassigned },
  { id: 'assignee', header: f.assignee, cell: (r) => r.assignee ?? '—' },
  { id: 'received', header: f.received, cell: (r) => formatDateTime(r.receivedAt) },
];

const NARROW = new Set(['id', 'sla', 'due', 'subject', 'status']);
const KEY = 'request-desk.request-columns';

const defaults = (): CollectionPreferencesProps.ContentDisplayItem[] => {
  const narrow = window.matchMedia('(max-width: 688px)').matches;
  return requestColumns.map((c) => ({ id: c.id as string, visible: !narrow || NARROW.has(c.id as string) }));
};

const stored = (): CollectionPreferencesProps.ContentDisplayItem[] | undefined => {
  try {
    const value = JSON.parse(window.localStorage.getItem(KEY) ?? 'null') as unknown;
    if (!Array.isArray(value)) return undefined;
    const known = new Set(requestColumns.map((c) => c.id));
    const items = value.filter((v): v is CollectionPreferencesProps.ContentDisplayItem => typeof v?.id === 'string' && typeof v?.visible === 'boolean' && known.has(v.id));
    // A column added since the person chose stays visible at the end.
    return [...items, ...requestColumns.filter((c) => !items.some((i) => i.id === c.id)).map((c) => ({ id: c.id as string, visible: true }))];
  } catch {
    return undefined;
  }
};

/** Which columns show, in which order: the person's choice (kept in this browser), else defaults for the window's width. */
export const useColumnPreferences = () => {
  const [contentDisplay, setContentDisplay] = useState<readonly CollectionPreferencesProps.ContentDisplayItem[]>(() => stored() ?? defaults());
  const preferences: CollectionPreferencesProps = {
    title: strings.requests.preferences,
    confirmLabel: strings.requests.confirm,
    cancelLabel: strings.app.cancel,
    preferences: { contentDisplay },
    contentDisplayPreference: {
      title: strings.requests.columns,
      options: requestColumns.map((c) => ({ id: c.id as string, label: String(c.header), alwaysVisible: c.id === 'id' })),
    },
    onConfirm: ({ detail }) => {
      const next = detail.contentDisplay ?? contentDisplay;
      setContentDisplay(next);
      window.localStorage.setItem(KEY, JSON.stringify(next));
    },
  };
  return { contentDisplay, preferences };
};
