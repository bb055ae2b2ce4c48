import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Form from '@cloudscape-design/components/form';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import RadioGroup from '@cloudscape-design/components/radio-group';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Textarea from '@cloudscape-design/components/textarea';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api, unwrap, type ApiError } from '../../commons/api';
import { strings } from '../../commons/strings';
import { errorSentence } from '../../commons/error-sentence';

const t = strings.newRequest;
const a = strings.actions;
const CHANNELS = ['walk_in', 'phone', 'letter', 'web', 'email'] as const;
type Channel = (typeof CHANNELS)[number];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Manual intake: a request that came in by walk-in, phone, letter or web form (intake officers). */
export default function NewRequest() {
  const navigate = useNavigate();
  const [channel, setChannel] = useState<Channel>('walk_in');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [organization, setOrganization] = useState('');
  const [kind, setKind] = useState<'public' | 'agency'>('public');
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [shown, setShown] = useState(false);
  const m = useMutation<{ id: string; dueAt: string }, ApiError>({
    mutationFn: async () =>
      unwrap(
        await api().POST('/requests', {
          body: { channel, requester: { name: name.trim(), kind, ...(email.trim() ? { email: email.trim() } : {}), ...(organization.trim() ? { organization: organization.trim() } : {}) }, subject, body },
        }),
      ),
    onSuccess: (r) => navigate(`/requests/${r.id}`),
  });
  const err = {
    name: !name.trim() ? a.required : name.length > 200 ? a.tooLong(200) : undefined,
    email: email.trim() && !EMAIL.test(email.trim()) ? t.invalidEmail : undefined,
    subject: !subject.trim() ? a.required : subject.length > 998 ? a.tooLong(998) : undefined,
    body: !body.trim() ? a.required : undefined,
  };
  const valid = !Object.values(err).some(Boolean);
  return (
    <ContentLayout header={<Header variant="h1" description={t.description}>{t.title}</Header>}>
      <form onSubmit={(e) => { e.preventDefault(); setShown(true); if (valid) m.mutate(); }} noValidate>
        <Form errorText={m.error ? errorSentence(m.error, strings.errors.save) : undefined} actions={<Button variant="primary" formAction="submit" loading={m.isPending}>{t.title}</Button>}>
          <Container>
            <SpaceBetween size="m">
              <FormField label={strings.fields.channel}>
                <Select selectedOption={{ value: channel, label: strings.channel[channel] ?? channel }} options={CHANNELS.map((c) => ({ value: c, label: strings.channel[c] ?? c }))} onChange={(e) => setChannel(e.detail.selectedOption.value as Channel)} ariaLabel={strings.fields.channel} />
              </FormField>
              <FormField label={t.name} errorText={shown ? err.name : undefined}>
                <Input value={name} onChange={(e) => setName(e.detail.value)} ariaLabel={t.name} />
              </FormField>
              <FormField label={t.email} errorText={shown ? err.email : undefined}>
                <Input type="email" value={email} onChange={(e) => setEmail(e.detail.value)} ariaLabel={t.email} />
              </FormField>
              <FormField label={t.organization}>
                <Input value={organization} onChange={(e) => setOrganization(e.detail.value)} ariaLabel={t.organization} />
              </FormField>
              <FormField label={t.kind}>
                <RadioGroup value={kind} onChange={(e) => setKind(e.detail.value as 'public' | 'agency')} items={(['public', 'agency'] as const).map((k) => ({ value: k, label: t.kinds[k] }))} ariaLabel={t.kind} />
              </FormField>
              <FormField label={strings.fields.subject} errorText={shown ? err.subject : undefined} stretch>
                <Input value={subject} onChange={(e) => setSubject(e.detail.value)} ariaLabel={strings.fields.subject} />
              </FormField>
              <FormField label={t.body} errorText={shown ? err.body : undefined} stretch>
                <Textarea value={body} onChange={(e) => setBody(e.detail.value)} ariaLabel={t.body} rows={6} />
              </FormField>
            </SpaceBetween>
          </Container>
        </Form>
      </form>
    </ContentLayout>
  );
}
