import Alert from '@cloudscape-design/components/alert';
import Autosuggest from '@cloudscape-design/components/autosuggest';
import Box from '@cloudscape-design/components/box';
import Checkbox from '@cloudscape-design/components/checkbox';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import RadioGroup from '@cloudscape-design/components/radio-group';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import TokenGroup from '@cloudscape-design/components/token-group';
import Textarea from '@cloudscape-design/components/textarea';
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { api, unwrap, type RequestView } from '../../commons/api';
import { FilePicker, MAX_FILE_BYTES, toUpload } from '../../commons/file-picker';
import { config } from '../../commons/config';
import { formatDateTime } from '../../commons/format';
import { officialResponse } from '../../../../domain/mail/templates';
import { strings } from '../../commons/strings';
import type { ActionId } from './action-id';
import { consultationForms } from './consultation-forms';
import { MissingForResponse, spokespersonHeard } from './side-panels';
import { useNames, usePeople } from './names';
import { extrasOf } from './view';
import { ActionForm, required, useActionForm, type FormProps } from './action-form';

const t = strings.actions;
export type { ActionId } from './action-id';

/**
 * The actions the signed-in person may take now, as the API lists them (`allowedActions` of
 * `GET /requests/{id}`, decided by the policy the commands use): the console keeps no copy of the rules.
 */
export const allowedActions = (r: RequestView): ActionId[] =>
  (extrasOf(r).allowedActions ?? []).filter((a): a is ActionId => a in actionForms);

const AssignForm = (p: FormProps) => {
  const [division, setDivision] = useState(p.request.division ?? '');
  const [assignee, setAssignee] = useState(p.request.assignee ?? '');
  const people = usePeople();
  const names = useNames();
  const f = useActionForm(p, t.assign, (params, body: { division: string; assignee?: string }, headers) =>
    api().POST('/requests/{id}/assign', { params, body, headers }),
  );
  const divisions = config().divisions;
  const err = { division: !division ? t.required : undefined };
  const officers = (people.data ?? []).filter(
    (x) =>
      x.active && x.division === division && x.roles.some((r) => r === 'division_officer' || r === 'division_chief'),
  );
  const none = { value: '', label: t.nobodyYet };
  return (
    <ActionForm {...f.form(() => (err.division ? undefined : { division, ...(assignee ? { assignee } : {}) }))}>
      <FormField label={t.division} errorText={f.shown(err.division)}>
        <Select
          selectedOption={
            division
              ? { value: division, label: divisions.find((d) => d.id === division)?.name ?? names.division(division) }
              : null
          }
          options={divisions.map((d) => ({ value: d.id, label: d.name }))}
          onChange={(e) => {
            setDivision(e.detail.selectedOption.value ?? '');
            setAssignee('');
          }}
          placeholder={t.division}
          ariaLabel={t.division}
        />
      </FormField>
      <FormField label={t.officer}>
        <Select
          selectedOption={assignee ? { value: assignee, label: names.person(assignee) } : none}
          options={[
            none,
            ...officers.map((o) => ({
              value: o.id,
              label: o.name,
              description: strings.roles[o.roles.includes('division_chief') ? 'division_chief' : 'division_officer'],
            })),
          ]}
          onChange={(e) => setAssignee(e.detail.selectedOption.value ?? '')}
          statusType={people.isPending ? 'loading' : 'finished'}
          loadingText={strings.app.loading}
          disabled={!division}
          ariaLabel={t.officer}
        />
      </FormField>
    </ActionForm>
  );
};

const NoteForm = (p: FormProps) => {
  const [text, setText] = useState('');
  const f = useActionForm(p, t.note, (params, body: { text: string }, headers) =>
    api().POST('/requests/{id}/notes', { params, body, headers }),
  );
  const err = required(text, 10_000);
  return (
    <ActionForm {...f.form(() => (err ? undefined : { text }))}>
      <FormField
        label={t.text}
        description={t.noteHint}
        constraintText={t.characters(text.length, 10_000)}
        errorText={f.shown(err)}
      >
        <Textarea autoFocus value={text} onChange={(e) => setText(e.detail.value)} ariaLabel={t.text} rows={5} />
      </FormField>
    </ActionForm>
  );
};

const ClarifyForm = (p: FormProps) => {
  const [message, setMessage] = useState('');
  const f = useActionForm(p, t.clarify, (params, body: { message: string }, headers) =>
    api().POST('/requests/{id}/clarification', { params, body, headers }),
  );
  const err = required(message, 100_000);
  return (
    <ActionForm {...f.form(() => (err ? undefined : { message }))}>
      <FormField label={t.message} description={t.clarifyHint} errorText={f.shown(err)}>
        <Textarea
          autoFocus
          value={message}
          onChange={(e) => setMessage(e.detail.value)}
          ariaLabel={t.message}
          rows={6}
        />
      </FormField>
    </ActionForm>
  );
};

const ExtendForm = (p: FormProps) => {
  const [days, setDays] = useState('');
  const [reason, setReason] = useState('');
  const f = useActionForm(p, t.extend, (params, body: { workingDays: number; reason: string }, headers) =>
    api().POST('/requests/{id}/extension', { params, body, headers }),
  );
  const n = Number(days);
  const cap = extrasOf(p.request).extension;
  const left = cap ? Math.max(0, cap.maxWorkingDays - cap.usedWorkingDays) : 60;
  const err = {
    days: /^\d+$/.test(days.trim()) && n >= 1 && n <= left ? undefined : t.wholeNumber(1, left),
    reason: required(reason, 2000),
  };
  return (
    <ActionForm {...f.form(() => (err.days || err.reason ? undefined : { workingDays: n, reason }))}>
      {cap && <Box data-testid="extension-left">{t.extensionLeft(left, cap.maxWorkingDays, cap.usedWorkingDays)}</Box>}
      <Box color="text-body-secondary">{t.requesterTold}</Box>
      <FormField label={t.workingDays} errorText={f.shown(err.days)}>
        <Input
          autoFocus
          type="number"
          inputMode="numeric"
          value={days}
          onChange={(e) => setDays(e.detail.value)}
          ariaLabel={t.workingDays}
        />
      </FormField>
      <FormField label={t.reason} errorText={f.shown(err.reason)}>
        <Textarea value={reason} onChange={(e) => setReason(e.detail.value)} ariaLabel={t.reason} />
      </FormField>
    </ActionForm>
  );
};

const BODY_MARK = '\u0000BODY\u0000';

/** The template's greeting and sign-off around the officer's words, as the mailer will add them. */
const frameOf = (
  request: RequestView,
  disposition: 'full' | 'partial' | 'refused',
  reason: string,
  files: readonly string[],
) => {
  const ctx = {
    agencyName: config().agencyName,
    reference: request.id,
    requesterName: request.requester.name,
    subject: request.subject,
    timeZone: 'UTC',
  };
  const [before = '', after = ''] = officialResponse(
    ctx,
    BODY_MARK,
    disposition,
    reason || undefined,
    files,
  ).text.split(BODY_MARK);
  return { ctx, greeting: before.trim(), signOff: after.trim() };
};

const RespondForm = (p: FormProps) => {
  const [body, setBody] = useState('');
  const [disposition, setDisposition] = useState<'full' | 'partial' | 'refused'>('full');
  const [reason, setReason] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const names = useNames();
  const form = useActionForm(
    p,
    t.respond,
    (
      params,
      b: {
        body: string;
        disposition: 'full' | 'partial' | 'refused';
        reason?: string;
        attachments?: { filename: string; contentType: string; contentBase64: string }[];
      },
      headers,
    ) => api().POST('/requests/{id}/response', { params, body: b, headers }),
  );
  const frame = frameOf(
    p.request,
    disposition,
    reason,
    files.map((f) => f.name),
  );
  const greetingLine = frame.greeting.split('\n')[0] ?? '';
  const signOffLine = frame.signOff.split('\n').find((l) => /regards|sincerely/i.test(l)) ?? '';
  const written = body.trim();
  const err = {
    body:
      required(body, 1_000_000) ??
      (/^(dear|hello|hi)\b/i.test(written)
        ? t.greetingTwice(greetingLine)
        : signOffLine && written.toLowerCase().includes(signOffLine.toLowerCase())
          ? t.signOffTwice(signOffLine)
          : undefined),
    reason:
      disposition !== 'full' && !reason.trim()
        ? t.reasonNeeded
        : reason.length > 10_000
          ? t.tooLong(10_000)
          : undefined,
    files: files.find((f) => f.size > MAX_FILE_BYTES || f.name.startsWith('.') || /[\\/]/.test(f.name))
      ? t.filesHint
      : undefined,
  };
  const bodyOf = async () => {
    if (err.body || err.reason || err.files) return undefined;
    const attachments = await Promise.all(files.map(toUpload));
    return { body, disposition, ...(reason.trim() ? { reason } : {}), ...(attachments.length ? { attachments } : {}) };
  };
  const to = p.request.requester.email ?? '—';
  const archive = extrasOf(p.request).archiveCopyTo;
  // The same template the mailer uses, so the preview is the mail the requester will get.
  const preview = officialResponse(
    frame.ctx,
    body || '…',
    disposition,
    reason || undefined,
    files.map((f) => f.name),
  );
  const last = p.request.responses.at(-1);
  return (
    <ActionForm size="large" {...form.form(bodyOf)}>
      {!spokespersonHeard(p.request) && (
        <Alert type="warning">
          <MissingForResponse request={p.request} names={names} />
        </Alert>
      )}
      {last && <Alert type="info">{t.alreadyResponded(formatDateTime(last.sentAt))}</Alert>}
      <FormField label={t.disposition}>
        <RadioGroup
          value={disposition}
          onChange={(e) => setDisposition(e.detail.value as typeof disposition)}
          items={(['full', 'partial', 'refused'] as const).map((d) => ({ value: d, label: t.dispositions[d] }))}
          ariaLabel={t.disposition}
        />
      </FormField>
      <FormField label={t.body} description={t.bodyHint} errorText={form.shown(err.body)} stretch>
        <SpaceBetween size="xxs">
          <Box data-testid="template-greeting" color="text-body-secondary">
            {frame.greeting}
          </Box>
          <Textarea
            value={body}
            onChange={(e) => setBody(e.detail.value)}
            ariaLabel={t.body}
            rows={8}
            placeholder={t.bodyPlaceholder}
          />
          <Box data-testid="template-sign-off" color="text-body-secondary">
            <span style={{ whiteSpace: 'pre-wrap' }}>{frame.signOff.split('\n--\n')[0]}</span>
          </Box>
        </SpaceBetween>
      </FormField>
      {disposition !== 'full' && (
        <FormField label={t.reason} errorText={form.shown(err.reason)} stretch>
          <Textarea value={reason} onChange={(e) => setReason(e.detail.value)} ariaLabel={t.reason} />
        </FormField>
      )}
      <FormField label={t.files} description={t.filesHint} errorText={form.shown(err.files)} stretch>
        <FilePicker
          files={files}
          onChange={setFiles}
          texts={{ drop: t.filesHint, choose: t.choose, remove: (i) => `${strings.app.close} ${files[i]?.name ?? ''}` }}
        />
      </FormField>
      <FormField label={t.preview} description={t.previewHint} stretch>
        <div
          data-testid="mail-preview"
          style={{
            border: '1px solid #c6c6cd',
            borderRadius: 8,
            padding: 12,
            whiteSpace: 'pre-wrap',
            fontSize: 14,
            overflowWrap: 'anywhere',
          }}
        >
          {`${t.previewTo}: ${to}\n${archive ? `${t.previewCc}: ${archive} (${t.archiveCopy})\n` : ''}${t.previewSubject}: ${preview.subject}\n\n${preview.text}`}
        </div>
      </FormField>
    </ActionForm>
  );
};

const ArchiveForm = (p: FormProps) => {
  const [topics, setTopics] = useState<string[]>([]);
  const [draft, setDraft] = useState('');
  const [publishable, setPublishable] = useState(false);
  const earlier = useQuery({
    queryKey: ['common-requests'],
    queryFn: async () => unwrap(await api().GET('/reports/common-requests', {})),
  });
  const f = useActionForm(p, t.archive, (params, body: { topics: string[]; publishable: boolean }, headers) =>
    api().POST('/requests/{id}/archive', { params, body, headers }),
  );
  const addTopic = (v: string) => {
    const topic = v.trim();
    if (topic && !topics.includes(topic) && topics.length < 20) setTopics([...topics, topic.slice(0, 100)]);
    setDraft('');
  };
  const err = topics.length === 0 ? t.required : undefined;
  return (
    <ActionForm
      {...f.form(() => {
        const all = draft.trim() ? [...topics, draft.trim()] : topics;
        return all.length ? { topics: all, publishable } : undefined;
      })}
    >
      <FormField label={t.topics} description={t.topicsHint} errorText={f.shown(err)}>
        <div
          onKeyDown={(e) => {
            if (e.key === 'Enter' && draft.trim()) {
              e.preventDefault();
              addTopic(draft);
            }
          }}
        >
          <Autosuggest
            value={draft}
            onChange={(e) => setDraft(e.detail.value)}
            onSelect={(e) => addTopic(e.detail.value)}
            options={(earlier.data?.topics ?? []).map((x) => ({ value: x.topic, description: `${x.count}` }))}
            enteredTextLabel={(v) => v}
            ariaLabel={t.topics}
            placeholder={t.topics}
            empty="—"
          />
        </div>
        <TokenGroup
          items={topics.map((x) => ({ label: x, dismissLabel: `${strings.app.close} ${x}` }))}
          onDismiss={(e) => setTopics(topics.filter((_, i) => i !== e.detail.itemIndex))}
        />
      </FormField>
      <Checkbox checked={publishable} onChange={(e) => setPublishable(e.detail.checked)}>
        {t.publishable}
      </Checkbox>
    </ActionForm>
  );
};

const CloseForm = (p: FormProps) => {
  const reasons = ['duplicate', 'spam', 'withdrawn', 'transferred', 'out_of_scope'] as const;
  const [reason, setReason] = useState<(typeof reasons)[number] | ''>('');
  const [note, setNote] = useState('');
  const f = useActionForm(p, t.close, (params, body: { reason: (typeof reasons)[number]; note?: string }, headers) =>
    api().POST('/requests/{id}/close', { params, body, headers }),
  );
  const err = !reason ? t.required : undefined;
  return (
    <ActionForm {...f.form(() => (reason ? { reason, ...(note.trim() ? { note } : {}) } : undefined))}>
      <FormField label={t.closeReason} errorText={f.shown(err)}>
        <RadioGroup
          value={reason || null}
          onChange={(e) => setReason(e.detail.value as typeof reason)}
          items={reasons.map((r) => ({ value: r, label: t.closeReasons[r] }))}
          ariaLabel={t.closeReason}
        />
      </FormField>
      <FormField label={t.noteOptional}>
        <Textarea value={note} onChange={(e) => setNote(e.detail.value)} ariaLabel={t.noteOptional} />
      </FormField>
    </ActionForm>
  );
};

export const actionForms: Record<ActionId, (p: FormProps) => ReactNode> = {
  assign: AssignForm,
  note: NoteForm,
  ...consultationForms,
  clarify: ClarifyForm,
  extend: ExtendForm,
  respond: RespondForm,
  archive: ArchiveForm,
  close: CloseForm,
};
