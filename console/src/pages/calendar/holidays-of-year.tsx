import Alert from '@cloudscape-design/components/alert';
import Badge from '@cloudscape-design/components/badge';
import Button from '@cloudscape-design/components/button';
import FormField from '@cloudscape-design/components/form-field';
import Select from '@cloudscape-design/components/select';
import Textarea from '@cloudscape-design/components/textarea';
import { useMutation, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap, type ApiError, type Schemas } from '../../commons/api';
import { errorLine, fieldErrorsOf } from '../../commons/field-errors';
import { formatDate } from '../../commons/format';
import { ContainerTable } from '../../commons/container-table';
import { strings } from '../../commons/strings';
import { FormModal } from '../../commons/form-modal';
import { AffectedList, useAffectedBy } from './affected';

const t = strings.holidaysByYear;
type Holiday = Schemas['HolidaysOfYear']['holidays'][number];

const badgeColor = { official: 'green', provisional: 'blue', declared: 'grey' } as const;

/** The years an admin may pick: last year to three years ahead (the API keeps 2000–2100; these are the useful ones). */
export const yearsAround = (now: number) => [now - 1, now, now + 1, now + 2, now + 3];

const Withdraw = ({
  holiday,
  onDismiss,
  done,
}: {
  holiday: Holiday;
  onDismiss: () => void;
  done: (message: string) => void;
}) => {
  const client = useQueryClient();
  const [reason, setReason] = useState('');
  const [shown, setShown] = useState(false);
  const m = useMutation<Schemas['HolidayChange'], ApiError>({
    mutationFn: async () =>
      unwrap(
        await api().POST('/calendar/holidays/{date}/withdraw', {
          params: { path: { date: holiday.date } },
          body: { reason: reason.trim() },
        }),
      ),
    onSuccess: async (r) => {
      await client.invalidateQueries();
      done(t.withdrawn(holiday.date, r.moved.length));
    },
  });
  const err = (shown && !reason.trim() ? strings.actions.required : undefined) ?? fieldErrorsOf(m.error).reason;
  // Before confirming: the open requests whose counted days include the date (their due dates will move back).
  const affected = useAffectedBy(holiday.date);
  return (
    <FormModal
      header={t.withdrawOf(holiday.name, holiday.date)}
      submit={t.withdraw}
      pending={m.isPending}
      error={m.error}
      onDismiss={onDismiss}
      onSubmit={() => {
        setShown(true);
        if (reason.trim()) m.mutate();
      }}
    >
      <FormField label={t.reason} errorText={err}>
        <Textarea value={reason} onChange={(e) => setReason(e.detail.value)} ariaLabel={t.reason} />
      </FormField>
      <div data-testid="withdraw-affected">
        {t.mayMove(affected.length)}
        {affected.length > 0 && <AffectedList requests={affected} />}
      </div>
    </FormModal>
  );
};

/** The year's holidays with their status; admins withdraw a declared one. */
export const HolidaysOfYear = (props: {
  year: number;
  onYear: (year: number) => void;
  list: UseQueryResult<Schemas['HolidaysOfYear'], Error>;
  admin: boolean;
  done: (message: string) => void;
}) => {
  const [withdrawing, setWithdrawing] = useState<Holiday | null>(null);
  const years = yearsAround(new Date().getFullYear());
  const yearOptions = years.includes(props.year) ? years : [...years, props.year].sort();
  const holidays = props.list.data?.holidays ?? [];
  return (
    <>
      <ContainerTable
        title={t.title(props.year)}
        header={{
          description: t.description,
          info: props.list.data && (
            <Badge color={props.list.data.status === 'official' ? 'green' : 'blue'}>
              {t.yearStatus[props.list.data.status]}
            </Badge>
          ),
          actions: (
            <FormField label={t.year}>
              <Select
                selectedOption={{ value: String(props.year), label: String(props.year) }}
                options={yearOptions.map((y) => ({ value: String(y), label: String(y) }))}
                ariaLabel={t.year}
                onChange={(e) => props.onYear(Number(e.detail.selectedOption.value))}
              />
            </FormField>
          ),
        }}
        items={holidays}
        loading={props.list.isPending}
        trackBy={(h) => `${h.date}|${h.region ?? ''}|${h.name}`}
        empty={props.list.isError ? <Alert type="error">{errorLine(props.list.error)}</Alert> : t.none}
        columnDefinitions={[
          { id: 'date', header: t.date, cell: (h) => formatDate(h.date), isRowHeader: true },
          { id: 'name', header: t.name, cell: (h) => h.name },
          { id: 'region', header: t.region, cell: (h) => h.region ?? t.everywhere },
          {
            id: 'status',
            header: t.status,
            cell: (h) => <Badge color={badgeColor[h.status]}>{t.statuses[h.status]}</Badge>,
          },
          ...(props.admin
            ? [
                {
                  id: 'actions',
                  header: t.withdraw,
                  cell: (h: Holiday) =>
                    h.status === 'declared' ? (
                      <Button
                        variant="inline-link"
                        ariaLabel={t.withdrawOf(h.name, h.date)}
                        onClick={() => setWithdrawing(h)}
                      >
                        {t.withdraw}
                      </Button>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      {withdrawing && (
        <Withdraw
          holiday={withdrawing}
          onDismiss={() => setWithdrawing(null)}
          done={(msg) => {
            setWithdrawing(null);
            props.done(msg);
          }}
        />
      )}
    </>
  );
};
