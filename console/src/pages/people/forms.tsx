import DatePicker from '@cloudscape-design/components/date-picker';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import Multiselect from '@cloudscape-design/components/multiselect';
import Select, { type SelectProps } from '@cloudscape-design/components/select';
import Textarea from '@cloudscape-design/components/textarea';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap, type ApiError, type Schemas } from '../../commons/api';
import { fieldErrorsOf } from '../../commons/field-errors';
import { strings } from '../../commons/strings';
import { FormModal } from './form-modal';
import { appointmentErrors, hasErrors, leaveErrors, personErrors, reasonErrors } from './validate';

const t = strings.peoplePage;
type Role = Schemas['Person']['roles'][number];
const ROLES = Object.keys(strings.roles) as Role[];
const roleOptions: SelectProps.Option[] = ROLES.map((r) => ({
  value: r,
  label: strings.roles[r] ?? r,
  description: r,
}));

/** What a successful form reports to the page (shown as a flash message). */
export type Done = (message: string) => void;

const useChange = <T,>(fn: () => Promise<T>, done: (data: T) => void) => {
  const client = useQueryClient();
  return useMutation<T, ApiError>({
    mutationFn: fn,
    onSuccess: async (data) => {
      await client.invalidateQueries({ queryKey: ['people'] });
      await client.invalidateQueries({ queryKey: ['divisions'] });
      done(data);
    },
  });
};

const DivisionSelect = (props: {
  value: string;
  onChange: (v: string) => void;
  divisions: readonly Schemas['Division'][];
  label: string;
  error?: string;
}) => {
  const options: SelectProps.Option[] = [
    { value: '', label: t.noDivision },
    ...props.divisions.map((d) => ({ value: d.id, label: d.name, description: d.id })),
  ];
  return (
    <FormField label={props.label} errorText={props.error}>
      <Select
        selectedOption={options.find((o) => o.value === props.value) ?? null}
        options={options}
        placeholder={t.chooseDivision}
        ariaLabel={props.label}
        onChange={(e) => props.onChange(e.detail.selectedOption.value ?? '')}
      />
    </FormField>
  );
};

const RolesSelect = (props: { value: readonly string[]; onChange: (v: Role[]) => void; error?: string }) => (
  <FormField label={t.roles} errorText={props.error}>
    <Multiselect
      selectedOptions={roleOptions.filter((o) => props.value.includes(o.value as string))}
      options={roleOptions}
      placeholder={t.chooseRoles}
      ariaLabel={t.roles}
      onChange={(e) => props.onChange(e.detail.selectedOptions.map((o) => o.value as Role))}
    />
  </FormField>
);

/** Admins add a person to the directory; they can sign in and act at once. */
export const AddPersonModal = ({
  divisions,
  onDismiss,
  done,
}: {
  divisions: readonly Schemas['Division'][];
  onDismiss: () => void;
  done: Done;
}) => {
  const [v, setV] = useState({ id: '', name: '', email: '', roles: [] as Role[], division: '' });
  const [shown, setShown] = useState(false);
  const m = useChange(
    async () =>
      unwrap(
        await api().POST('/people', {
          body: {
            id: v.id,
            name: v.name.trim(),
            email: v.email.trim(),
            roles: v.roles,
            ...(v.division ? { division: v.division } : {}),
          },
        }),
      ),
    (r) => done(r.recorded ? t.added(v.id) : t.unchanged),
  );
  const local = personErrors(v);
  const server = fieldErrorsOf(m.error);
  const err = (k: keyof typeof local) => (shown ? local[k] : undefined) ?? server[k];
  return (
    <FormModal
      header={t.add}
      submit={t.add}
      pending={m.isPending}
      error={m.error}
      onDismiss={onDismiss}
      onSubmit={() => {
        setShown(true);
        if (!hasErrors(local)) m.mutate();
      }}
    >
      <FormField label={t.id} description={t.idHint} errorText={err('id')}>
        <Input
          value={v.id}
          onChange={(e) => setV({ ...v, id: e.detail.value.trim() })}
          ariaLabel={t.id}
          placeholder="forest.officer"
        />
      </FormField>
      <FormField label={t.name} errorText={err('name')}>
        <Input value={v.name} onChange={(e) => setV({ ...v, name: e.detail.value })} ariaLabel={t.name} />
      </FormField>
      <FormField label={t.email} errorText={err('email')}>
        <Input
          type="email"
          value={v.email}
          onChange={(e) => setV({ ...v, email: e.detail.value })}
          ariaLabel={t.email}
          placeholder="name@necs.example"
        />
      </FormField>
      <RolesSelect value={v.roles} onChange={(roles) => setV({ ...v, roles })} error={err('roles')} />
      <DivisionSelect
        value={v.division}
        onChange={(division) => setV({ ...v, division })}
        divisions={divisions}
        label={t.division}
        error={err('division')}
      />
    </FormModal>
  );
};

/** Admins record an appointment: roles and division from a date, by an office order. */
export const AppointModal = ({
  person,
  divisions,
  onDismiss,
  done,
}: {
  person: Schemas['Person'];
  divisions: readonly Schemas['Division'][];
  onDismiss: () => void;
  done: Done;
}) => {
  const [v, setV] = useState({
    roles: [...person.roles] as Role[],
    division: person.division ?? '',
    effectiveFrom: '',
    order: '',
  });
  const [shown, setShown] = useState(false);
  const m = useChange(
    async () =>
      unwrap(
        await api().POST('/people/{id}/roles', {
          params: { path: { id: person.id } },
          body: {
            roles: v.roles,
            ...(v.division ? { division: v.division } : {}),
            ...(v.effectiveFrom ? { effectiveFrom: v.effectiveFrom } : {}),
            ...(v.order.trim() ? { order: v.order.trim() } : {}),
          },
        }),
      ),
    (r) => done(r.recorded ? t.appointed_(person.id) : t.unchanged),
  );
  const local = appointmentErrors(v);
  const server = fieldErrorsOf(m.error);
  const err = (k: keyof typeof local) => (shown ? local[k] : undefined) ?? server[k];
  return (
    <FormModal
      header={t.appointFor(person.id)}
      submit={t.appoint}
      pending={m.isPending}
      error={m.error}
      onDismiss={onDismiss}
      onSubmit={() => {
        setShown(true);
        if (!hasErrors(local)) m.mutate();
      }}
    >
      <RolesSelect value={v.roles} onChange={(roles) => setV({ ...v, roles })} error={err('roles')} />
      <DivisionSelect
        value={v.division}
        onChange={(division) => setV({ ...v, division })}
        divisions={divisions}
        label={t.division}
        error={err('division')}
      />
      <FormField
        label={t.effectiveFrom}
        description={t.effectiveFromHint}
        constraintText="YYYY/MM/DD"
        errorText={err('effectiveFrom')}
      >
        <DatePicker
          value={v.effectiveFrom}
          onChange={(e) => setV({ ...v, effectiveFrom: e.detail.value })}
          placeholder="YYYY/MM/DD"
          ariaLabel={t.effectiveFrom}
          openCalendarAriaLabel={(d) => t.calendarFor(t.effectiveFrom, d)}
        />
      </FormField>
      <FormField label={t.order} description={t.orderHint} errorText={err('order')}>
        <Input value={v.order} onChange={(e) => setV({ ...v, order: e.detail.value })} ariaLabel={t.order} />
      </FormField>
    </FormModal>
  );
};

/** Leave with a delegate: admins for anyone, anyone for themself. */
export const LeaveModal = ({
  person,
  people,
  onDismiss,
  done,
}: {
  person: string;
  people: readonly Schemas['Person'][];
  onDismiss: () => void;
  done: Done;
}) => {
  const [v, setV] = useState({ person, from: '', to: '', delegateTo: '' });
  const [shown, setShown] = useState(false);
  const m = useChange(
    async () =>
      unwrap(
        await api().POST('/people/{id}/leave', {
          params: { path: { id: person } },
          body: { from: v.from, to: v.to, delegateTo: v.delegateTo },
        }),
      ),
    (r) => done(r.recorded ? t.leaveRecorded(person, v.delegateTo) : t.unchanged),
  );
  const options: SelectProps.Option[] = people
    .filter((p) => p.active && p.id !== person)
    .map((p) => ({ value: p.id, label: p.id, description: p.name }));
  const local = leaveErrors(v);
  const server = fieldErrorsOf(m.error);
  const err = (k: keyof typeof local) => (shown ? local[k] : undefined) ?? server[k];
  return (
    <FormModal
      header={t.leaveFor(person)}
      submit={t.leave}
      pending={m.isPending}
      error={m.error}
      onDismiss={onDismiss}
      onSubmit={() => {
        setShown(true);
        if (!hasErrors(local)) m.mutate();
      }}
    >
      <FormField label={t.from} constraintText="YYYY/MM/DD" errorText={err('from')}>
        <DatePicker
          value={v.from}
          onChange={(e) => setV({ ...v, from: e.detail.value })}
          placeholder="YYYY/MM/DD"
          ariaLabel={t.from}
          openCalendarAriaLabel={(d) => t.calendarFor(t.from, d)}
        />
      </FormField>
      <FormField label={t.to} constraintText="YYYY/MM/DD" errorText={err('to')}>
        <DatePicker
          value={v.to}
          onChange={(e) => setV({ ...v, to: e.detail.value })}
          placeholder="YYYY/MM/DD"
          ariaLabel={t.to}
          openCalendarAriaLabel={(d) => t.calendarFor(t.to, d)}
        />
      </FormField>
      <FormField label={t.delegate} description={t.delegateHint} errorText={err('delegateTo')}>
        <Select
          selectedOption={options.find((o) => o.value === v.delegateTo) ?? null}
          options={options}
          filteringType="auto"
          placeholder={t.chooseDelegate}
          ariaLabel={t.delegate}
          onChange={(e) => setV({ ...v, delegateTo: e.detail.selectedOption.value ?? '' })}
        />
      </FormField>
    </FormModal>
  );
};

/** Admins deactivate a person, with the reason; their history stays. */
export const DeactivateModal = ({ person, onDismiss, done }: { person: string; onDismiss: () => void; done: Done }) => {
  const [v, setV] = useState({ reason: '' });
  const [shown, setShown] = useState(false);
  const m = useChange(
    async () =>
      unwrap(
        await api().POST('/people/{id}/deactivate', {
          params: { path: { id: person } },
          body: { reason: v.reason.trim() },
        }),
      ),
    (r) => done(r.recorded ? t.deactivated(person) : t.unchanged),
  );
  const local = reasonErrors(v);
  const err = (shown ? local.reason : undefined) ?? fieldErrorsOf(m.error).reason;
  return (
    <FormModal
      header={t.deactivateFor(person)}
      submit={t.deactivate}
      pending={m.isPending}
      error={m.error}
      onDismiss={onDismiss}
      onSubmit={() => {
        setShown(true);
        if (!hasErrors(local)) m.mutate();
      }}
    >
      <div>{t.deactivateWarning(person)}</div>
      <FormField label={t.reason} errorText={err}>
        <Textarea value={v.reason} onChange={(e) => setV({ reason: e.detail.value })} ariaLabel={t.reason} />
      </FormField>
    </FormModal>
  );
};
