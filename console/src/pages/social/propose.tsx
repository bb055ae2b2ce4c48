import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import Select from '@cloudscape-design/components/select';
import Textarea from '@cloudscape-design/components/textarea';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api, unwrap, type ApiError, type Schemas } from '../../commons/api';
import { FormPage } from '../../commons/form-page';
import { strings } from '../../commons/strings';
import { SOCIAL } from './social-api';

const t = strings.social;
const a = strings.actions;
type Platform = Schemas['SocialAccount']['platform'];
const PLATFORMS = Object.keys(t.platforms) as Platform[];
const PLAN_PARTS = ['goals', 'audience', 'risks', 'resources', 'measures', 'governance'] as const;
type PlanPart = (typeof PLAN_PARTS)[number];

/** Any staff member proposes an official account with its plan; the Social Media Lead takes it from there. */
export default function ProposeAccount() {
  const navigate = useNavigate();
  const client = useQueryClient();
  const [platform, setPlatform] = useState<Platform>('facebook');
  const [handle, setHandle] = useState('');
  const [url, setUrl] = useState('');
  const [purpose, setPurpose] = useState('');
  const [plan, setPlan] = useState<Record<PlanPart, string>>({
    goals: '',
    audience: '',
    risks: '',
    resources: '',
    measures: '',
    governance: '',
  });
  const [shown, setShown] = useState(false);
  const m = useMutation<{ id: string }, ApiError>({
    mutationFn: async () =>
      unwrap(
        await api().POST('/social/accounts', {
          body: {
            platform,
            handle: handle.trim(),
            ...(url.trim() ? { url: url.trim() } : {}),
            purpose: purpose.trim(),
            plan: Object.fromEntries(PLAN_PARTS.map((p) => [p, plan[p].trim()])) as Record<PlanPart, string>,
          },
        }),
      ),
    onSuccess: async (r) => {
      await client.invalidateQueries({ queryKey: [SOCIAL] });
      navigate(`/social/accounts/${r.id}`);
    },
  });
  const err: Record<string, string | undefined> = {
    handle: !handle.trim() ? a.required : undefined,
    url: url.trim() && !/^https?:\/\/\S+$/.test(url.trim()) ? t.urlInvalid : undefined,
    purpose: !purpose.trim() ? a.required : undefined,
    ...Object.fromEntries(PLAN_PARTS.map((p) => [p, !plan[p].trim() ? a.required : undefined])),
  };
  const valid = !Object.values(err).some(Boolean);
  const shownError = (field: string) => (shown ? err[field] : undefined);
  return (
    <FormPage
      title={t.propose}
      description={t.proposeDescription}
      onSubmit={() => {
        setShown(true);
        if (valid) m.mutate();
      }}
      submitText={t.proposeSubmit}
      submitting={m.isPending}
      error={m.error}
      cancelTo="/social"
    >
      <FormField label={t.platform}>
        <Select
          selectedOption={{ value: platform, label: t.platforms[platform] ?? platform }}
          options={PLATFORMS.map((p) => ({ value: p, label: t.platforms[p] ?? p }))}
          onChange={({ detail }) => setPlatform(detail.selectedOption.value as Platform)}
        />
      </FormField>
      <FormField label={t.handle} errorText={shownError('handle')}>
        <Input value={handle} onChange={({ detail }) => setHandle(detail.value)} />
      </FormField>
      <FormField label={t.address} description={t.addressHint} errorText={shownError('url')}>
        <Input type="url" inputMode="url" value={url} onChange={({ detail }) => setUrl(detail.value)} />
      </FormField>
      <FormField label={t.purpose} errorText={shownError('purpose')}>
        <Textarea rows={2} value={purpose} onChange={({ detail }) => setPurpose(detail.value)} />
      </FormField>
      {PLAN_PARTS.map((p) => (
        <FormField key={p} label={t.planParts[p]} description={t.planHints[p]} errorText={shownError(p)}>
          <Textarea rows={2} value={plan[p]} onChange={({ detail }) => setPlan({ ...plan, [p]: detail.value })} />
        </FormField>
      ))}
    </FormPage>
  );
}
