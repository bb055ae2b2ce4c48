import DatePicker from '@cloudscape-design/components/date-picker';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import Multiselect from '@cloudscape-design/components/multiselect';
import Select, { type SelectProps } from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Textarea from '@cloudscape-design/components/textarea';
import { api, unwrap, type Schemas } from '../../commons/api';
import { strings } from '../../commons/strings';
import { useModalForm } from '../../commons/use-modal-form';
import { FormModal } from '../../commons/form-modal';
import { appointmentErrors, leaveErrors, personErrors, reasonErrors } from './validate';

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

/** A change to the directory: the people and divisions shown are read again after it. */
const DIRECTORY = ['people', 'divisions'] as const;

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

/** A date, typed or chosen from a calendar. */
const DateField = (p: {
  label: string;
  description?: string;
  value: string;
  onChange: (date: string) => void;
  error: string | undefined;
}) => (
  <FormField label={p.label} description={p.description} constraintText="YYYY/MM/DD" errorText={p.error}>
    <DatePicker
      value={p.value}
      onChange={(e) => p.onChange(e.detail.value)}
      placeholder="YYYY/MM/DD"
      ariaLabel={p.label}
      openCalendarAriaLabel={(d) => t.calendarFor(p.label, d)}
    />
  </FormField>
);

/** An appointment's roles and division, as adding a person and appointing one both ask them. */
const RolesAndDivision = (p: {
  v: { roles: Role[]; division: string };
  set: (change: { roles?: Role[]; division?: string }) => void;
  err: (k: 'roles' | 'division') => string | undefined;
  divisions: readonly Schemas['Division'][];
}) => (
  // Its own SpaceBetween: the form's spaces its children, and a fragment would be one child.
  <SpaceBetween size="m">
    <RolesSelect value={p.v.roles} onChange={(roles) => p.set({ roles })} error={p.err('roles')} />
    <DivisionSelect
      value={p.v.division}
      onChange={(division) => p.set({ division })}
      divisions={p.divisions}
      label={t.division}
      error={p.err('division')}
    />
  </SpaceBetween>
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
  const { v, set, err, modal } = useModalForm({
    initial: { id: '', name: '', email: '', roles: [] as Role[], division: '' },
    check: personErrors,
    refresh: DIRECTORY,
    send: async (v) =>
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
    done: (r, v) => done(r.recorded ? t.added(v.id) : t.unchanged),
  });
  return (
    <FormModal header={t.add} submit={t.add} onDismiss={onDismiss} {...modal}>
      <FormField label={t.id} description={t.idHint} errorText={err('id')}>
        <Input
          value={v.id}
          onChange={(e) => set({ id: e.detail.value.trim() })}
          ariaLabel={t.id}
          placeholder="forest.officer"
        />
      </FormField>
      <FormField label={t.name} errorText={err('name')}>
        <Input value={v.name} onChange={(e) => set({ name: e.detail.value })} ariaLabel={t.name} />
      </FormField>
      <FormField label={t.email} errorText={err('email')}>
        <Input
          type="email"
          value={v.email}
          onChange={(e) => set({ email: e.detail.value })}
          ariaLabel={t.email}
          placeholder="name@necs.example"
        />
      </FormField>
      <RolesAndDivision v={v} set={set} err={err} divisions={divisions} />
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
  const { v, set, err, modal } = useModalForm({
    initial: { roles: [...person.roles] as Role[], division: person.division ?? '', effectiveFrom: '', order: '' },
    check: appointmentErrors,
    refresh: DIRECTORY,
    send: async (v) =>
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
    done: (r) => done(r.recorded ? t.appointed_(person.id) : t.unchanged),
  });
  return (
    <FormModal header={t.appointFor(person.id)} submit={t.appoint} onDismiss={onDismiss} {...modal}>
      <RolesAndDivision v={v} set={set} err={err} divisions={divisions} />
      <DateField
        label={t.effectiveFrom}
        description={t.effectiveFromHint}
        value={v.effectiveFrom}
        onChange={(effectiveFrom) => set({ effectiveFrom })}
        error={err('effectiveFrom')}
      />
      <FormField label={t.order} description={t.orderHint} errorText={err('order')}>
        <Input value={v.order} onChange={(e) => set({ order: e.detail.value })} ariaLabel={t.order} />
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
  const { v, set, err, modal } = useModalForm({
    initial: { person, from: '', to: '', delegateTo: '' },
    check: leaveErrors,
    refresh: DIRECTORY,
    send: async (v) =>
      unwrap(
        await api().POST('/people/{id}/leave', {
          params: { path: { id: person } },
          body: { from: v.from, to: v.to, delegateTo: v.delegateTo },
        }),
      ),
    done: (r, v) => done(r.recorded ? t.leaveRecorded(person, v.delegateTo) : t.unchanged),
  });
  const options: SelectProps.Option[] = people
    .filter((p) => p.active && p.id !== person)
    .map((p) => ({ value: p.id, label: p.id, description: p.name }));
  return (
    <FormModal header={t.leaveFor(person)} submit={t.leave} onDismiss={onDismiss} {...modal}>
      <DateField label={t.from} value={v.from} onChange={(from) => set({ from })} error={err('from')} />
      <DateField label={t.to} value={v.to} onChange={(to) => set({ to })} error={err('to')} />
      <FormField label={t.delegate} description={t.delegateHint} errorText={err('delegateTo')}>
        <Select
          selectedOption={options.find((o) => o.value === v.delegateTo) ?? null}
          options={options}
          filteringType="auto"
          placeholder={t.chooseDelegate}
          ariaLabel={t.delegate}
          onChange={(e) => set({ delegateTo: e.detail.selectedOption.value ?? '' })}
        />
      </FormField>
    </FormModal>
  );
};

/** Admins deactivate a person, with the reason; their history stays. */
export const DeactivateModal = ({ person, onDismiss, done }: { person: string; onDismiss: () => void; done: Done }) => {
  const { v, set, err, modal } = useModalForm({
    initial: { reason: '' },
    check: reasonErrors,
    refresh: DIRECTORY,
    send: async (v) =>
      unwrap(
        await api().POST('/people/{id}/deactivate', {
          params: { path: { id: person } },
          body: { reason: v.reason.trim() },
        }),
      ),
    done: (r) => done(r.recorded ? t.deactivated(person) : t.unchanged),
  });
  return (
    <FormModal header={t.deactivateFor(person)} submit={t.deactivate} onDismiss={onDismiss} {...modal}>
      <div>{t.deactivateWarning(person)}</div>
      <FormField label={t.reason} errorText={err('reason')}>
        <Textarea value={v.reason} onChange={(e) => set({ reason: e.detail.value })} ariaLabel={t.reason} />
      </FormField>
    </FormModal>
  );
};
