import { useCollection } from '@cloudscape-design/collection-hooks';
import Box from '@cloudscape-design/components/box';
import Link from '@cloudscape-design/components/link';
import Table, { type TableProps } from '@cloudscape-design/components/table';
import TextFilter from '@cloudscape-design/components/text-filter';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import type { RequestView } from './api';
import { formatDateTime } from './format';
import { DueDate, SlaStatus } from './sla';
import { strings } from './strings';

const f = strings.fields;

export const RequestLink = ({ id }: { id: string }) => {
  const navigate = useNavigate();
  return (
    <Link href={`/console/requests/${id}`} onFollow={(e) => { e.preventDefault(); navigate(`/requests/${id}`); }}>
      {id}
    </Link>
  );
};

const columns: TableProps.ColumnDefinition<RequestView>[] = [
  { id: 'id', header: f.reference, cell: (r) => <RequestLink id={r.id} />, isRowHeader: true },
  { id: 'subject', header: f.subject, cell: (r) => r.subject, maxWidth: 360 },
  { id: 'requester', header: f.requester, cell: (r) => r.requester.name },
  { id: 'status', header: f.status, cell: (r) => strings.status[r.status] ?? r.status },
  { id: 'sla', header: f.sla, cell: (r) => <SlaStatus request={r} /> },
  { id: 'due', header: f.due, cell: (r) => <DueDate request={r} /> },
  { id: 'division', header: f.division, cell: (r) => r.division ?? f.unassigned },
  { id: 'assignee', header: f.assignee, cell: (r) => r.assignee ?? '—' },
  { id: 'received', header: f.received, cell: (r) => formatDateTime(r.receivedAt) },
];

const matches = (r: RequestView, text: string) => {
  const needle = text.trim().toLowerCase();
  return !needle || [r.id, r.subject, r.requester.name, r.requester.email ?? ''].some((v) => v.toLowerCase().includes(needle));
};

/** Requests in a Cloudscape table, soonest due first as the API returns them, with a search box whose text the page keeps (in the URL). */
export const RequestTable = (props: {
  items: readonly RequestView[];
  loading: boolean;
  header: ReactNode;
  empty: string;
  filterText: string;
  onFilterChange: (text: string) => void;
  filters?: ReactNode;
  footer?: ReactNode;
  variant?: 'full-page' | 'container';
}) => {
  const shown = props.items.filter((r) => matches(r, props.filterText));
  const { items, collectionProps } = useCollection(shown, { sorting: {} });
  return (
    <Table
      {...collectionProps}
      items={items}
      columnDefinitions={columns}
      loading={props.loading}
      loadingText={strings.app.loading}
      header={props.header}
      variant={props.variant ?? 'container'}
      wrapLines
      empty={<Box textAlign="center">{props.filterText ? strings.requests.empty : props.empty}</Box>}
      filter={
        <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap', alignItems: 'flex-end' }}>
          <div style={{ flex: '1 1 280px', maxWidth: 480 }}>
            <TextFilter
              filteringText={props.filterText}
              onChange={(e) => props.onFilterChange(e.detail.filteringText)}
              filteringPlaceholder={f.searchPlaceholder}
              filteringAriaLabel={f.search}
              countText={props.filterText ? strings.requests.count(shown.length) : undefined}
            />
          </div>
          {props.filters}
        </div>
      }
      footer={props.footer}
    />
  );
};
