import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import DatePicker from '@cloudscape-design/components/date-picker';
import Flashbar from '@cloudscape-design/components/flashbar';
import Form from '@cloudscape-design/components/form';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Textarea from '@cloudscape-design/components/textarea';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api, unwrap, type ApiError } from '../../commons/api';
import { formatDateTime } from '../../commons/format';
import { RequestLink } from '../../commons/request-table';
import { useMe } from '../../commons/session';
import { Explanation } from '../../commons/sla';
import { ConfirmModal } from '../../commons/form-modal';
import { strings } from '../../commons/strings';
import { useFlash } from '../../commons/use-flash';
import { AffectedList, useAffectedBy } from './affected';
import { HolidaysOfYear } from './holidays-of-year';
import { OfficialUpload } from './official-upload';
import { SlaScan } from './sla-scan';
import { errorSentence } from '../../commons/error-sentence';

const t = strings.calendar;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Open requests whose counted days include `date`: a holiday there moves their due date. */

/** A holiday change (declare or withdraw), confirmed after seeing which open requests it moves. */
const HolidayChange = ({ kind }: { kind: 'declare' | 'withdraw' }) => {
  const client = useQueryClient();
  const [date, setDate] = useState('');
  const [text, setText] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [shown, setShown] = useState(false);
  const m = useMutation<
    { moved: { requestId: string; previousDueAt: string; dueAt: string }[]; recorded: boolean },
    ApiError
  >({
    mutationFn: async () =>
      kind === 'declare'
        ? unwrap(await api().POST('/calendar/holidays', { body: { date, name: text.trim() } }))
        : unwrap(
            await api().POST('/calendar/holidays/{date}/withdraw', {
              params: { path: { date } },
              body: { reason: text.trim() },
            }),
          ),
    onSuccess: async () => {
      setConfirming(false);
      await client.invalidateQueries();
    },
  });
  const err = {
    date: DATE.test(date) ? undefined : strings.actions.required,
    text: text.trim() ? undefined : strings.actions.required,
  };
  const affected = useAffectedBy(DATE.test(date) ? date : undefined);
  const title = kind === 'declare' ? t.declare : t.withdraw;
  return (
    <Container header={<Header variant="h2">{title}</Header>}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setShown(true);
          if (!err.date && !err.text) setConfirming(true);
        }}
      >
        <Form actions={<Button formAction="submit">{title}</Button>}>
          <SpaceBetween size="m">
            {m.data && (
              <Alert type="success" header={t.declared(m.data.moved.length)}>
                <ul>
                  {m.data.moved.map((x) => (
                    <li key={x.requestId}>
                      <RequestLink id={x.requestId} />: {formatDateTime(x.previousDueAt)} → {formatDateTime(x.dueAt)}
                    </li>
                  ))}
                </ul>
              </Alert>
            )}
            {m.error && <Alert type="error">{errorSentence(m.error, strings.errors.save)}</Alert>}
            <FormField label={t.date} constraintText="YYYY/MM/DD" errorText={shown ? err.date : undefined}>
              <DatePicker
                value={date}
                onChange={(e) => setDate(e.detail.value)}
                placeholder="YYYY/MM/DD"
                ariaLabel={`${title}: ${t.date}`}
                openCalendarAriaLabel={(d) => `${t.date}${d ? `: ${d}` : ''}`}
              />
            </FormField>
            <FormField label={kind === 'declare' ? t.name : t.withdrawReason} errorText={shown ? err.text : undefined}>
              {kind === 'declare' ? (
                <Input value={text} onChange={(e) => setText(e.detail.value)} ariaLabel={`${title}: ${t.name}`} />
              ) : (
                <Textarea value={text} onChange={(e) => setText(e.detail.value)} ariaLabel={t.withdrawReason} />
              )}
            </FormField>
          </SpaceBetween>
        </Form>
      </form>
      {confirming && (
        <ConfirmModal
          header={`${title}: ${date}`}
          submit={title}
          pending={m.isPending}
          onSubmit={() => m.mutate()}
          onDismiss={() => setConfirming(false)}
        >
          <SpaceBetween size="s">
            <Box>{t.mayGetNewDueDate(affected.length)}</Box>
            <AffectedList requests={affected} />
          </SpaceBetween>
        </ConfirmModal>
      )}
    </Container>
  );
};

/** The agency calendar: explains any due date; admins declare or withdraw holidays. */
export default function Calendar() {
  const me = useMe();
  const [input, setInput] = useState(new Date().toISOString().slice(0, 16));
  const [receivedAt, setReceivedAt] = useState<string | null>(null);
  const valid = !Number.isNaN(Date.parse(input));
  // The year shown is kept in the URL (?year=), so a link to "the 2027 holidays" works.
  const [params, setParams] = useSearchParams();
  const year = /^\d{4}$/.test(params.get('year') ?? '') ? Number(params.get('year')) : new Date().getFullYear();
  const holidays = useQuery({
    queryKey: ['holidays', year],
    queryFn: async () => unwrap(await api().GET('/calendar/holidays', { params: { query: { year: String(year) } } })),
  });
  const flash = useFlash();
  const done = (message: string) => flash.show(message);
  const setYear = (y: number) => {
    const next = new URLSearchParams(params);
    next.set('year', String(y));
    setParams(next, { replace: true });
  };
  return (
    <ContentLayout header={<Header variant="h1">{t.title}</Header>}>
      <SpaceBetween size="l">
        {flash.items.length > 0 && <Flashbar items={flash.items} />}
        <Container header={<Header variant="h2">{t.explainer}</Header>}>
          <SpaceBetween size="m">
            <form
              noValidate
              onSubmit={(e) => {
                e.preventDefault();
                if (valid) setReceivedAt(new Date(input).toISOString());
              }}
            >
              <SpaceBetween direction="horizontal" size="xs" alignItems="end">
                <FormField
                  label={t.receivedAt}
                  constraintText="YYYY-MM-DDTHH:MM (your time zone)"
                  errorText={valid ? undefined : strings.actions.required}
                >
                  <Input value={input} onChange={(e) => setInput(e.detail.value)} ariaLabel={t.receivedAt} />
                </FormField>
                <Button formAction="submit">{t.explain}</Button>
              </SpaceBetween>
            </form>
            {receivedAt && <Explanation request={{ receivedAt, dueAt: '', pausedAt: null, extendedWorkingDays: 0 }} />}
          </SpaceBetween>
        </Container>
        <HolidaysOfYear year={year} onYear={setYear} list={holidays} admin={me.can.changeCalendar} done={done} />
        {me.can.changeCalendar && <OfficialUpload year={year} current={holidays.data} />}
        {me.can.runSlaScan && <SlaScan />}
        {me.can.changeCalendar && (
          <ColumnLayout columns={2}>
            <HolidayChange kind="declare" />
            <HolidayChange kind="withdraw" />
          </ColumnLayout>
        )}
      </SpaceBetween>
    </ContentLayout>
  );
}
