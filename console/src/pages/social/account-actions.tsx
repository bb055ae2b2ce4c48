import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Checkbox from '@cloudscape-design/components/checkbox';
import Form from '@cloudscape-design/components/form';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import Modal from '@cloudscape-design/components/modal';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Textarea from '@cloudscape-design/components/textarea';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../commons/api';
import { errorSentence } from '../../commons/error-sentence';
import { strings } from '../../commons/strings';
import { SOCIAL, type SocialAccount, type SocialAction } from './social-api';

const t = strings.social;

interface Values {
  termsReviewed: boolean;
  privacyRisks: string;
  mitigations: string;
  period: string;
  findings: string;
  reason: string;
  recorders: string;
  month: string;
  count: string;
  kind: string;
  text: string;
  url: string;
  publishedAt: string;
}

const EMPTY: Values = {
  termsReviewed: false,
  privacyRisks: '',
  mitigations: '',
  period: '',
  findings: '',
  reason: '',
  recorders: '',
  month: '',
  count: '',
  kind: 'post',
  text: '',
  url: '',
  publishedAt: '',
};

/** `2026-11-23T09:00` typed in the form, read in the agency's zone (Bhutan, +06:00). */
const instantOf = (local: string) => (/[zZ]|[+-]\d\d:\d\d$/.test(local) ? local : `${local}:00+06:00`);

/** Sends one action on the account to its route. */
const send = async (action: SocialAction, id: string, v: Values) => {
  const params = { path: { id } };
  switch (action) {
    case 'assess':
      return unwrap(
        await api().POST('/social/accounts/{id}/assessment', {
          params,
          body: { termsReviewed: true, privacyRisks: v.privacyRisks, mitigations: v.mitigations },
        }),
      );
    case 'approve':
      return unwrap(await api().POST('/social/accounts/{id}/approve', { params, body: {} }));
    case 'activate':
      return unwrap(await api().POST('/social/accounts/{id}/activate', { params, body: {} }));
    case 'evaluate':
      return unwrap(
        await api().POST('/social/accounts/{id}/evaluate', {
          params,
          body: { period: v.period, findings: v.findings },
        }),
      );
    case 'retire':
      return unwrap(await api().POST('/social/accounts/{id}/retire', { params, body: { reason: v.reason } }));
    case 'nameRecorders':
      return unwrap(
        await api().POST('/social/accounts/{id}/recorders', {
          params,
          body: {
            recorders: v.recorders
              .split(',')
              .map((r) => r.trim())
              .filter(Boolean),
          },
        }),
      );
    case 'recordFollowers':
      return unwrap(
        await api().POST('/social/accounts/{id}/followers', {
          params,
          body: { month: v.month, count: Number(v.count) },
        }),
      );
    case 'recordPost':
      return unwrap(
        await api().POST('/social/posts', {
          body: {
            account: id,
            kind: v.kind as 'post' | 'reply' | 'takedown',
            text: v.text,
            ...(v.url.trim() ? { url: v.url.trim() } : {}),
            publishedAt: instantOf(v.publishedAt),
            ...(v.kind === 'takedown' ? { reason: v.reason } : {}),
          },
        }),
      );
  }
};

/** Actions that need nothing more than a click. */
const DIRECT: readonly SocialAction[] = ['approve', 'activate'];

/** The fields each action asks for. */
const Fields = ({ action, v, set }: { action: SocialAction; v: Values; set: (p: Partial<Values>) => void }) => {
  const text = (key: keyof Values, label: string, area = false) => (
    <FormField label={label} key={key}>
      {area ? (
        <Textarea value={String(v[key])} onChange={(e) => set({ [key]: e.detail.value })} />
      ) : (
        <Input value={String(v[key])} onChange={(e) => set({ [key]: e.detail.value })} />
      )}
    </FormField>
  );
  switch (action) {
    case 'assess':
      return (
        <SpaceBetween size="s">
          <Checkbox checked={v.termsReviewed} onChange={(e) => set({ termsReviewed: e.detail.checked })}>
            {t.termsReviewed}
          </Checkbox>
          {text('privacyRisks', t.privacyRisks, true)}
          {text('mitigations', t.mitigations, true)}
        </SpaceBetween>
      );
    case 'evaluate':
      return (
        <SpaceBetween size="s">
          {text('period', t.period)}
          {text('findings', t.findings, true)}
        </SpaceBetween>
      );
    case 'retire':
      return text('reason', t.reason, true);
    case 'nameRecorders':
      return (
        <FormField label={t.recorders} description={t.recordersHint}>
          <Input value={v.recorders} onChange={(e) => set({ recorders: e.detail.value })} />
        </FormField>
      );
    case 'recordFollowers':
      return (
        <SpaceBetween size="s">
          <FormField label={t.month} description="YYYY-MM">
            <Input value={v.month} onChange={(e) => set({ month: e.detail.value })} />
          </FormField>
          <FormField label={t.count}>
            <Input type="number" value={v.count} onChange={(e) => set({ count: e.detail.value })} />
          </FormField>
        </SpaceBetween>
      );
    case 'recordPost': {
      const kinds = ['post', 'reply', 'takedown'].map((k) => ({ value: k, label: t.kinds[k] ?? k }));
      return (
        <SpaceBetween size="s">
          <FormField label={t.kind}>
            <Select
              selectedOption={kinds.find((k) => k.value === v.kind) ?? null}
              options={kinds}
              onChange={(e) => set({ kind: e.detail.selectedOption.value ?? 'post' })}
            />
          </FormField>
          {text('text', t.text, true)}
          {text('url', t.url)}
          <FormField label={t.publishedAt} description="YYYY-MM-DDTHH:MM">
            <Input value={v.publishedAt} onChange={(e) => set({ publishedAt: e.detail.value })} />
          </FormField>
          {v.kind === 'takedown' && text('reason', t.takedownReason, true)}
        </SpaceBetween>
      );
    }
    default:
      return null;
  }
};

/** The buttons of the actions the API says this person may take on the account, each with its form. */
export const AccountActions = ({ account }: { account: SocialAccount }) => {
  const client = useQueryClient();
  const [open, setOpen] = useState<SocialAction | null>(null);
  const [v, setV] = useState<Values>(EMPTY);
  const run = useMutation({
    mutationFn: (action: SocialAction) => send(action, account.id, v),
    onSuccess: async () => {
      setOpen(null);
      setV(EMPTY);
      await client.invalidateQueries({ queryKey: [SOCIAL] });
    },
  });
  const start = (action: SocialAction) => {
    run.reset();
    if (DIRECT.includes(action)) run.mutate(action);
    else setOpen(action);
  };
  return (
    <>
      <SpaceBetween direction="horizontal" size="xs">
        {account.allowedActions.map((a) => (
          <Button
            key={a}
            variant={DIRECT.includes(a) ? 'primary' : 'normal'}
            loading={run.isPending && run.variables === a}
            onClick={() => start(a)}
          >
            {t.actions[a] ?? a}
          </Button>
        ))}
      </SpaceBetween>
      {run.isError && !open && <Alert type="error">{errorSentence(run.error)}</Alert>}
      {open && (
        <Modal
          visible
          header={t.actions[open] ?? open}
          onDismiss={() => setOpen(null)}
          closeAriaLabel={t.cancel}
          footer={
            <Box float="right">
              <SpaceBetween direction="horizontal" size="xs">
                <Button variant="link" onClick={() => setOpen(null)}>
                  {t.cancel}
                </Button>
                <Button
                  variant="primary"
                  loading={run.isPending}
                  disabled={open === 'assess' && !v.termsReviewed}
                  onClick={() => run.mutate(open)}
                >
                  {t.save}
                </Button>
              </SpaceBetween>
            </Box>
          }
        >
          <Form errorText={run.isError ? errorSentence(run.error) : undefined}>
            <Fields action={open} v={v} set={(p) => setV((old) => ({ ...old, ...p }))} />
          </Form>
        </Modal>
      )}
    </>
  );
};
