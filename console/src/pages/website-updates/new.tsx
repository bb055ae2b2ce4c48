import DatePicker from '@cloudscape-design/components/date-picker';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import Select from '@cloudscape-design/components/select';
import Textarea from '@cloudscape-design/components/textarea';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api, unwrap, type ApiError } from '../../commons/api';
import { FilePicker, filesTooLarge, toUpload } from '../../commons/file-picker';
import { FormPage } from '../../commons/form-page';
import { strings } from '../../commons/strings';
import { WEBSITE_KINDS, websiteFileTexts } from './website-api';

const t = strings.website;
const a = strings.actions;
type Kind = (typeof WEBSITE_KINDS)[number];

/** A division gives ICT services the complete information of an event, news item, announcement or notification. */
export default function NewWebsiteUpdate() {
  const navigate = useNavigate();
  const client = useQueryClient();
  const [kind, setKind] = useState<Kind>('event');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [eventDate, setEventDate] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [shown, setShown] = useState(false);
  const m = useMutation<{ id: string; dueAt: string }, ApiError>({
    mutationFn: async () => {
      const attachments = await Promise.all(files.map(toUpload));
      return unwrap(
        await api().POST('/website-updates', {
          body: {
            kind,
            title: title.trim(),
            body,
            ...(eventDate ? { eventDate } : {}),
            ...(attachments.length ? { attachments } : {}),
          },
        }),
      );
    },
    onSuccess: async (r) => {
      await client.invalidateQueries({ queryKey: ['website-updates'] });
      navigate(`/website-updates/${r.id}`);
    },
  });
  const err = {
    title: !title.trim() ? a.required : title.length > 300 ? a.tooLong(300) : undefined,
    body: !body.trim() ? a.required : undefined,
    files: filesTooLarge(files) ? t.fileTooLarge : undefined,
  };
  const valid = !Object.values(err).some(Boolean);
  return (
    <FormPage
      title={t.newUpdate}
      description={t.newDescription}
      onSubmit={() => {
        setShown(true);
        if (valid) m.mutate();
      }}
      submitText={t.submit}
      submitting={m.isPending}
      error={m.error}
      cancelTo="/website-updates"
    >
      <FormField label={t.kind}>
        <Select
          selectedOption={{ value: kind, label: t.kinds[kind] ?? kind }}
          options={WEBSITE_KINDS.map((k) => ({ value: k, label: t.kinds[k] ?? k }))}
          onChange={(e) => setKind(e.detail.selectedOption.value as Kind)}
          ariaLabel={t.kind}
        />
      </FormField>
      <FormField label={t.titleField} errorText={shown ? err.title : undefined} stretch>
        <Input value={title} onChange={(e) => setTitle(e.detail.value)} ariaLabel={t.titleField} />
      </FormField>
      <FormField label={t.eventDate} description={t.eventDateHint}>
        <DatePicker
          value={eventDate}
          onChange={(e) => setEventDate(e.detail.value)}
          ariaLabel={t.eventDate}
          openCalendarAriaLabel={() => t.chooseEventDate}
          placeholder="YYYY/MM/DD"
        />
      </FormField>
      <FormField label={t.body} errorText={shown ? err.body : undefined} stretch>
        <Textarea value={body} onChange={(e) => setBody(e.detail.value)} ariaLabel={t.body} rows={8} />
      </FormField>
      <FormField
        label={t.attachments}
        description={t.attachmentsHint}
        errorText={shown ? err.files : undefined}
        stretch
      >
        <FilePicker files={files} onChange={setFiles} texts={websiteFileTexts} tooLarge={t.fileTooLarge} />
      </FormField>
    </FormPage>
  );
}
