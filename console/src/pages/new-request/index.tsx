import DatePicker from '@cloudscape-design/components/date-picker';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import RadioGroup from '@cloudscape-design/components/radio-group';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Textarea from '@cloudscape-design/components/textarea';
import TimeInput from '@cloudscape-design/components/time-input';
import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { agencyMidnight } from '../../commons/agency-time';
import { api, unwrap, type ApiError } from '../../commons/api';
import { strings } from '../../commons/strings';
import { FormPage } from '../../commons/form-page';

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
  const [receivedDate, setReceivedDate] = useState('');
  const [receivedTime, setReceivedTime] = useState('');
  const [shown, setShown] = useState(false);
  // One registration however often it is submitted: the same form sent again carries the same Idempotency-Key.
  const sent = useRef<{ body: string; key: string } | null>(null);
  const receivedAt = receivedDate
    ? agencyMidnight(receivedDate).replace('T00:00:00', `T${receivedTime || '09:00'}:00`)
    : undefined;
  const m = useMutation<{ id: string; dueAt: string }, ApiError>({
    mutationFn: async () => {
      const request = {
        channel,
        requester: {
          name: name.trim(),
          kind,
          ...(email.trim() ? { email: email.trim() } : {}),
          ...(organization.trim() ? { organization: organization.trim() } : {}),
        },
        subject,
        body,
        ...(receivedAt ? { receivedAt } : {}),
      };
      const json = JSON.stringify(request);
      if (sent.current?.body !== json) sent.current = { body: json, key: crypto.randomUUID() };
      return unwrap(await api().POST('/requests', { body: request, headers: { 'Idempotency-Key': sent.current.key } }));
    },
    onSuccess: (r) => navigate(`/requests/${r.id}`),
  });
  const err = {
    name: !name.trim() ? a.required : name.length > 200 ? a.tooLong(200) : undefined,
    email: email.trim() && !EMAIL.test(email.trim()) ? t.invalidEmail : undefined,
    subject: !subject.trim() ? a.required : subject.length > 998 ? a.tooLong(998) : undefined,
    body: !body.trim() ? a.required : undefined,
    receivedTime: receivedTime && !/^([01]\d|2[0-3]):[0-5]\d$/.test(receivedTime) ? t.invalidTime : undefined,
  };
  const valid = !Object.values(err).some(Boolean);
  return (
    <FormPage
      title={t.title}
      description={t.description}
      onSubmit={() => {
        setShown(true);
        if (valid && !m.isPending) m.mutate();
      }}
      submitText={t.title}
      submitting={m.isPending}
      error={m.error}
    >
      <FormField label={strings.fields.channel}>
        <Select
          selectedOption={{ value: channel, label: strings.channel[channel] ?? channel }}
          options={CHANNELS.map((c) => ({ value: c, label: strings.channel[c] ?? c }))}
          onChange={(e) => setChannel(e.detail.selectedOption.value as Channel)}
          ariaLabel={strings.fields.channel}
        />
      </FormField>
      <FormField label={t.receivedOn} description={t.receivedOnHint}>
        <SpaceBetween direction="horizontal" size="xs">
          <DatePicker
            value={receivedDate}
            onChange={(e) => setReceivedDate(e.detail.value)}
            placeholder="YYYY/MM/DD"
            ariaLabel={t.receivedOn}
            openCalendarAriaLabel={(d) => `${t.receivedOn}${d ? `: ${d}` : ''}`}
          />
          <FormField label={t.receivedTime} errorText={shown ? err.receivedTime : undefined}>
            <TimeInput
              value={receivedTime}
              onChange={(e) => setReceivedTime(e.detail.value)}
              format="hh:mm"
              placeholder="hh:mm"
              ariaLabel={t.receivedTime}
              disabled={!receivedDate}
            />
          </FormField>
        </SpaceBetween>
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
        <RadioGroup
          value={kind}
          onChange={(e) => setKind(e.detail.value as 'public' | 'agency')}
          items={(['public', 'agency'] as const).map((k) => ({ value: k, label: t.kinds[k] }))}
          ariaLabel={t.kind}
        />
      </FormField>
      <FormField label={strings.fields.subject} errorText={shown ? err.subject : undefined} stretch>
        <Input value={subject} onChange={(e) => setSubject(e.detail.value)} ariaLabel={strings.fields.subject} />
      </FormField>
      <FormField label={t.body} errorText={shown ? err.body : undefined} stretch>
        <Textarea value={body} onChange={(e) => setBody(e.detail.value)} ariaLabel={t.body} rows={6} />
      </FormField>
    </FormPage>
  );
}
