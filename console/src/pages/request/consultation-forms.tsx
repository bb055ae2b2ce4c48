import Box from '@cloudscape-design/components/box';
import FormField from '@cloudscape-design/components/form-field';
import RadioGroup from '@cloudscape-design/components/radio-group';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Textarea from '@cloudscape-design/components/textarea';
import { useState, type ReactNode } from 'react';
import { api, type RequestView, type Schemas } from '../../commons/api';
import { formatDateTime } from '../../commons/format';
import { useNames, usePeople, type Names } from './names';
import type { Me } from '../../commons/auth';
import { strings } from '../../commons/strings';
import { ActionForm, required, useActionForm, type FormProps } from './action-form';

const t = strings.consultationForms;
const outcomes = ['cleared', 'advice', 'concerns'] as const;
type Outcome = (typeof outcomes)[number];
type Person = Schemas['Person'];

/** The consultation actions of the request page: asking for a view, and recording one. */
export type ConsultationActionId = 'askView' | 'consultDivision' | 'recordView';

/** The views asked of `me` (or of someone on leave whose work `me` does) and not yet recorded. */
const askedOf = (me: Me, r: RequestView, people: readonly Person[]) =>
  (r.asked ?? []).filter(
    (a) => a.person === me.userId || people.some((p) => p.id === a.person && p.leave?.delegateTo === me.userId),
  );

/** The outcome, chosen by the person: none is preselected, so submitting without one records nothing and says why. */
const OutcomeField = (p: { value: Outcome | null; onChange: (o: Outcome) => void; error?: string | undefined }) => (
  <FormField label={strings.actions.outcome} errorText={p.error}>
    <RadioGroup
      value={p.value}
      onChange={(e) => p.onChange(e.detail.value as Outcome)}
      items={outcomes.map((o) => ({ value: o, label: strings.actions.outcomes[o] }))}
      ariaLabel={strings.actions.outcome}
    />
  </FormField>
);

/**
 * What was said: the outcome, and a note if any. `errors` are the fields' own checks; `fields(shown)`
 * renders them, each error passed through `shown` (errors show once a submit was tried).
 */
const useView = () => {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [note, setNote] = useState('');
  const errors = {
    outcome: outcome ? undefined : strings.actions.chooseOutcome,
    note: note.length > 10_000 ? strings.actions.tooLong(10_000) : undefined,
  };
  const fields = (shown: (error: string | undefined) => string | undefined) => (
    // Its own SpaceBetween: the form spaces its children, and a fragment would be one child.
    <SpaceBetween size="m">
      <OutcomeField value={outcome} onChange={setOutcome} error={shown(errors.outcome)} />
      <FormField label={strings.actions.noteOptional} errorText={shown(errors.note)}>
        <Textarea value={note} onChange={(e) => setNote(e.detail.value)} ariaLabel={strings.actions.noteOptional} />
      </FormField>
    </SpaceBetween>
  );
  return { outcome, said: note.trim() ? { note } : {}, errors, fields };
};

/** A person to choose, in words: name, role and division, and who stands in while they are on leave. */
const optionWith = (names: Names) => (x: Person) => ({
  value: x.id,
  label: x.name,
  description: [
    x.roles.includes('spokesperson')
      ? strings.roles.spokesperson
      : x.roles.includes('division_chief')
        ? strings.roles.division_chief
        : strings.roles[x.roles[0] ?? ''],
    x.division ? names.division(x.division) : '',
    x.leave ? t.onLeave(names.person(x.leave.delegateTo)) : '',
  ]
    .filter(Boolean)
    .join(' · '),
});

/** Division staff ask a spokesperson (listed first) or a colleague of the division for their view. */
const AskViewForm = (p: FormProps) => {
  const people = usePeople();
  const option = optionWith(useNames());
  const [person, setPerson] = useState('');
  const [question, setQuestion] = useState('');
  const f = useActionForm(p, t.askView, (params, body: { person: string; question: string }, headers) =>
    api().POST('/requests/{id}/consultations/requested', { params, body, headers }),
  );
  const active = (people.data ?? []).filter((x) => x.active && x.id !== p.me.userId);
  const spokespersons = active.filter((x) => x.roles.includes('spokesperson'));
  const colleagues = active.filter((x) => !x.roles.includes('spokesperson') && x.division === p.request.division);
  const chosen = active.find((x) => x.id === person);
  const err = { person: person ? undefined : strings.actions.required, question: required(question, 2_000) };
  return (
    <ActionForm {...f.form(() => (err.person || err.question ? undefined : { person, question: question.trim() }))}>
      <Box color="text-body-secondary">{t.askHint}</Box>
      <FormField label={t.person} errorText={f.shown(err.person)}>
        <Select
          selectedOption={chosen ? option(chosen) : null}
          onChange={(e) => setPerson(e.detail.selectedOption.value ?? '')}
          options={[
            { label: t.spokespersons, options: spokespersons.map(option) },
            { label: t.colleagues, options: colleagues.map(option) },
          ]}
          statusType={people.isPending ? 'loading' : 'finished'}
          loadingText={strings.app.loading}
          filteringType="auto"
          placeholder={t.person}
          ariaLabel={t.person}
        />
      </FormField>
      <FormField label={t.question} errorText={f.shown(err.question)}>
        <Textarea value={question} onChange={(e) => setQuestion(e.detail.value)} ariaLabel={t.question} rows={4} />
      </FormField>
    </ActionForm>
  );
};

/** Division staff record what a colleague of the division said. */
const DivisionConsultationForm = (p: FormProps) => {
  const people = usePeople();
  const option = optionWith(useNames());
  const [person, setPerson] = useState('');
  const view = useView();
  const f = useActionForm(
    p,
    t.consultDivision,
    (params, body: { with: 'division'; person: string; outcome: Outcome; note?: string }, headers) =>
      api().POST('/requests/{id}/consultations', { params, body, headers }),
  );
  const colleagues = (people.data ?? []).filter(
    (x) =>
      x.active &&
      x.division === p.request.division &&
      x.roles.some((r) => r === 'division_officer' || r === 'division_chief'),
  );
  const chosen = colleagues.find((x) => x.id === person);
  const err = {
    person: person ? undefined : strings.actions.required,
    ...view.errors,
  };
  return (
    <ActionForm
      {...f.form(() =>
        !err.person && !err.note && view.outcome
          ? { with: 'division' as const, person, outcome: view.outcome, ...view.said }
          : undefined,
      )}
    >
      <FormField label={t.colleague} errorText={f.shown(err.person)}>
        <Select
          selectedOption={chosen ? option(chosen) : null}
          onChange={(e) => setPerson(e.detail.selectedOption.value ?? '')}
          options={colleagues.map(option)}
          statusType={people.isPending ? 'loading' : 'finished'}
          loadingText={strings.app.loading}
          placeholder={t.colleague}
          ariaLabel={t.colleague}
        />
      </FormField>
      {view.fields(f.shown)}
    </ActionForm>
  );
};

/** The person asked records their own view; a stand-in may record it for whom they stand in for. */
const RecordViewForm = (p: FormProps) => {
  const people = usePeople();
  const mine = askedOf(p.me, p.request, people.data ?? []);
  // Whose view: their own, or that of a colleague on leave they stand in for.
  const whose = [
    ...new Set([
      ...(p.me.roles.includes('spokesperson') || mine.some((a) => a.person === p.me.userId) ? [p.me.userId] : []),
      ...mine.map((a) => a.person),
    ]),
  ];
  const names = useNames();
  const [person, setPerson] = useState(whose[0] ?? p.me.userId);
  const view = useView();
  const f = useActionForm(
    p,
    t.recordView,
    (params, body: { with: 'division' | 'spokesperson'; person: string; outcome: Outcome; note?: string }, headers) =>
      api().POST('/requests/{id}/consultations', { params, body, headers }),
  );
  const ask = mine.find((a) => a.person === person);
  const isSpokesperson =
    person === p.me.userId
      ? p.me.roles.includes('spokesperson')
      : (people.data ?? []).some((x) => x.id === person && x.roles.includes('spokesperson'));
  const err = {
    ...view.errors,
  };
  return (
    <ActionForm
      {...f.form(() =>
        !err.note && view.outcome
          ? {
              with: ask?.with ?? (isSpokesperson ? 'spokesperson' : 'division'),
              person,
              outcome: view.outcome,
              ...view.said,
            }
          : undefined,
      )}
    >
      {whose.length > 1 && (
        <FormField label={t.whose}>
          <RadioGroup
            value={person}
            onChange={(e) => setPerson(e.detail.value)}
            items={whose.map((w) => ({ value: w, label: w === p.me.userId ? t.mine : t.actingFor(names.person(w)) }))}
            ariaLabel={t.whose}
          />
        </FormField>
      )}
      {ask && (
        <FormField label={t.question} description={t.askedAt(formatDateTime(ask.askedAt))}>
          <Box data-testid="asked-question">
            <span style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{ask.question}</span>
          </Box>
        </FormField>
      )}
      {view.fields(f.shown)}
    </ActionForm>
  );
};

export const consultationForms: Record<ConsultationActionId, (p: FormProps) => ReactNode> = {
  askView: AskViewForm,
  consultDivision: DivisionConsultationForm,
  recordView: RecordViewForm,
};
