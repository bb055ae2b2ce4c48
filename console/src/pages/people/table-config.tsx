import Box from '@cloudscape-design/components/box';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import type { TableProps } from '@cloudscape-design/components/table';
import type { Schemas } from '../../commons/api';
import { formatDate, formatDateTime } from '../../commons/format';
import { strings } from '../../commons/strings';
import { DivisionName } from '../../commons/division-name';

const t = strings.peoplePage;
type Person = Schemas['Person'];

/** The person's standing on the chosen date: active, on leave (until when, who stands in) or deactivated. */
export const PersonState = ({ person }: { person: Person }) =>
  !person.active ? (
    <StatusIndicator type="stopped">{t.inactive(formatDateTime(person.deactivatedAt))}</StatusIndicator>
  ) : person.leave ? (
    // `to` is the instant they are back (start of the next day): their last day away is the day before.
    <StatusIndicator type="pending">
      {t.onLeave(formatDate(new Date(Date.parse(person.leave.to) - 1).toISOString()), person.leave.delegateTo)}
    </StatusIndicator>
  ) : (
    <StatusIndicator type="success">{t.active}</StatusIndicator>
  );

export const columns: TableProps.ColumnDefinition<Person>[] = [
  { id: 'id', header: t.id, cell: (p) => p.id, sortingField: 'id', isRowHeader: true },
  {
    id: 'name',
    header: t.name,
    sortingField: 'name',
    cell: (p) => (
      <>
        {p.name}
        <Box variant="small" display="block">
          {p.email}
        </Box>
      </>
    ),
  },
  { id: 'roles', header: t.roles, cell: (p) => p.roles.map((r) => strings.roles[r] ?? r).join(', ') },
  { id: 'division', header: t.division, cell: (p) => <DivisionName id={p.division} />, sortingField: 'division' },
  {
    id: 'appointed',
    header: t.appointed,
    cell: (p) => (
      <>
        {/* The seed configuration's people hold their roles from the epoch: "from the start", not 1 Jan 1970. */}
        {p.appointedFrom && Date.parse(p.appointedFrom) > 0 ? formatDateTime(p.appointedFrom) : t.fromTheStart}
        {p.order && (
          <Box variant="small" display="block">
            {p.order}
          </Box>
        )}
      </>
    ),
  },
  { id: 'state', header: t.state, cell: (p) => <PersonState person={p} />, minWidth: 200 },
];

/** What the text filter searches: id, name, email, division and role names. */
export const filterText = (p: Person) =>
  [p.id, p.name, p.email, p.division ?? '', ...p.roles.map((r) => strings.roles[r] ?? r)].join(' ');
