import { useCollection } from '@cloudscape-design/collection-hooks';
import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import ContentLayout from '@cloudscape-design/components/content-layout';
import DatePicker from '@cloudscape-design/components/date-picker';
import Flashbar from '@cloudscape-design/components/flashbar';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Pagination from '@cloudscape-design/components/pagination';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import TextFilter from '@cloudscape-design/components/text-filter';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api, unwrap, type Schemas } from '../../commons/api';
import { errorLine } from '../../commons/field-errors';
import { useMe } from '../../commons/session';
import { strings } from '../../commons/strings';
import { useFlash } from '../../commons/use-flash';
import { Divisions } from './divisions';
import { AddPersonModal, AppointModal, DeactivateModal, LeaveModal } from './forms';
import { columns, filterText } from './table-config';

const t = strings.peoplePage;
type Person = Schemas['Person'];
type Dialog =
  { kind: 'add' } | { kind: 'appoint' | 'deactivate'; person: Person } | { kind: 'leave'; person: string } | null;

/**
 * The directory (contract: People and roles): everyone with roles and division as of a date; admins add
 * people, record appointments and deactivations; anyone records their own leave, admins anyone's.
 */
export default function People() {
  const me = useMe();
  const admin = me.can.changePeople;
  const [params, setParams] = useSearchParams();
  const asOf = params.get('asOf') ?? '';
  const [dialog, setDialog] = useState<Dialog>(null);
  const flash = useFlash();
  const people = useQuery({
    queryKey: ['people', asOf],
    queryFn: async () => unwrap(await api().GET('/people', { params: { query: asOf ? { asOf } : {} } })),
  });
  // Everyone as they stand now, for choosing a delegate (a past as-of view must not offer people since gone).
  const current = useQuery({
    queryKey: ['people', ''],
    queryFn: async () => unwrap(await api().GET('/people', { params: { query: {} } })),
    enabled: Boolean(asOf),
  });
  const divisions = useQuery({ queryKey: ['divisions'], queryFn: async () => unwrap(await api().GET('/divisions')) });
  const { items, collectionProps, filterProps, filteredItemsCount, paginationProps } = useCollection(
    [...(people.data?.people ?? [])],
    {
      filtering: {
        filteringFunction: (p, text) => filterText(p).toLowerCase().includes(text.trim().toLowerCase()),
        empty: t.none,
        noMatch: t.none,
      },
      sorting: { defaultState: { sortingColumn: { sortingField: 'id' } } },
      pagination: { pageSize: 50 },
      selection: { trackBy: 'id', keepSelection: false },
    },
  );
  const selected = collectionProps.selectedItems?.[0];
  const done = (message: string) => {
    setDialog(null);
    flash.show(message);
  };
  const setAsOf = (value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set('asOf', value);
    else next.delete('asOf');
    setParams(next, { replace: true });
  };
  const everyoneNow = (asOf ? current.data?.people : people.data?.people) ?? [];
  const divisionList = divisions.data?.divisions ?? [];
  const inactive = selected !== undefined && !selected.active;
  return (
    <ContentLayout
      header={
        <Header variant="h1" description={t.description}>
          {strings.people.title}
        </Header>
      }
    >
      <SpaceBetween size="l">
        {flash.items.length > 0 && <Flashbar items={flash.items} />}
        {people.isError && <Alert type="error">{errorLine(people.error)}</Alert>}
        <Table
          {...collectionProps}
          variant="container"
          selectionType={admin ? 'single' : undefined}
          ariaLabels={{
            itemSelectionLabel: (_, p) => t.selectPerson(p.id),
            allItemsSelectionLabel: () => '',
            selectionGroupLabel: t.selectHint,
          }}
          header={
            <Header
              variant="h2"
              counter={`(${people.data?.people.length ?? 0})`}
              description={admin ? t.selectHint : undefined}
              actions={
                <SpaceBetween direction="horizontal" size="xs">
                  <Button onClick={() => setDialog({ kind: 'leave', person: me.userId })}>{t.myLeave}</Button>
                  {admin && (
                    <>
                      <Button
                        disabled={!selected || inactive}
                        onClick={() => selected && setDialog({ kind: 'leave', person: selected.id })}
                      >
                        {t.leave}
                      </Button>
                      <Button
                        disabled={!selected || inactive}
                        onClick={() => selected && setDialog({ kind: 'appoint', person: selected })}
                      >
                        {t.appoint}
                      </Button>
                      <Button
                        disabled={!selected || inactive}
                        onClick={() => selected && setDialog({ kind: 'deactivate', person: selected })}
                      >
                        {t.deactivate}
                      </Button>
                      <Button variant="primary" onClick={() => setDialog({ kind: 'add' })}>
                        {t.add}
                      </Button>
                    </>
                  )}
                </SpaceBetween>
              }
            >
              {t.directory}
            </Header>
          }
          filter={
            <SpaceBetween direction="horizontal" size="m" alignItems="end">
              <TextFilter
                {...filterProps}
                filteringPlaceholder={t.filter}
                filteringAriaLabel={t.filter}
                countText={t.filterCount(filteredItemsCount ?? 0)}
              />
              <FormField label={t.asOf} constraintText={t.asOfHint}>
                <DatePicker
                  value={asOf}
                  onChange={(e) => setAsOf(e.detail.value)}
                  placeholder="YYYY/MM/DD"
                  ariaLabel={t.asOf}
                  openCalendarAriaLabel={(d) => t.calendarFor(t.asOf, d)}
                />
              </FormField>
            </SpaceBetween>
          }
          pagination={<Pagination {...paginationProps} ariaLabels={t.pages} />}
          columnDefinitions={columns}
          items={items}
          loading={people.isPending}
          loadingText={strings.app.loading}
          trackBy="id"
          empty={t.none}
          wrapLines
        />
        <Divisions divisions={divisionList} loading={divisions.isPending} admin={admin} done={done} />
      </SpaceBetween>
      {dialog?.kind === 'add' && (
        <AddPersonModal divisions={divisionList} onDismiss={() => setDialog(null)} done={done} />
      )}
      {dialog?.kind === 'appoint' && (
        <AppointModal person={dialog.person} divisions={divisionList} onDismiss={() => setDialog(null)} done={done} />
      )}
      {dialog?.kind === 'deactivate' && (
        <DeactivateModal person={dialog.person.id} onDismiss={() => setDialog(null)} done={done} />
      )}
      {dialog?.kind === 'leave' && (
        <LeaveModal person={dialog.person} people={everyoneNow} onDismiss={() => setDialog(null)} done={done} />
      )}
    </ContentLayout>
  );
}
