import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Cards from '@cloudscape-design/components/cards';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Flashbar, { type FlashbarProps } from '@cloudscape-design/components/flashbar';
import Form from '@cloudscape-design/components/form';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Textarea from '@cloudscape-design/components/textarea';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap, type ApiError, type Schemas } from '../../commons/api';
import { formatBytes, formatDateTime } from '../../commons/format';
import { RequestLink } from '../../commons/request-table';
import { strings } from '../../commons/strings';

const t = strings.holdingPen;
/**
 * A held mail as GET /holding-pen returns it. The API's document describes only `mailId` and `status`
 * (the rest as additional properties), so the console names the fields the holding-pen view carries.
 */
type Held = Schemas['HeldMailPage']['items'][number] & {
  id: string;
  receivedAt: string;
  from: string | null;
  fromName: string | null;
  subject: string;
  reason: string;
  detail?: string;
  candidateRequestId: string | null;
  attachments: { filename: string; sizeBytes: number; sha256: string }[];
  quarantined: { filename: string; reason: string }[];
};
type Decision = { kind: 'attach'; requestId: string } | { kind: 'promote' } | { kind: 'discard'; reason: string };
const REF = /^[A-Z][A-Z0-9]{1,9}-\d{4}-\d{5}$/;

/** Mail that could not be placed: an intake officer attaches it, promotes it to a request, or discards it. */
export default function HoldingPen() {
  const client = useQueryClient();
  const [dialog, setDialog] = useState<{ mail: Held; kind: 'attach' | 'discard' } | null>(null);
  const [value, setValue] = useState('');
  const [shown, setShown] = useState(false);
  const [flash, setFlash] = useState<FlashbarProps.MessageDefinition[]>([]);
  // Mail arrives without anyone here acting: the pen reads itself again while it is open.
  const q = useQuery({ queryKey: ['holding-pen'], queryFn: async () => unwrap(await api().GET('/holding-pen', {})), refetchInterval: 15_000 });
  const m = useMutation<{ requestId?: string; status: string }, ApiError, { mail: Held; decision: Decision }>({
    mutationFn: async ({ mail, decision }) => {
      const params = { path: { id: mail.id } };
      if (decision.kind === 'attach') return unwrap(await api().POST('/holding-pen/{id}/attach', { params, body: { requestId: decision.requestId } }));
      if (decision.kind === 'promote') return unwrap(await api().POST('/holding-pen/{id}/promote', { params, body: {} }));
      return unwrap(await api().POST('/holding-pen/{id}/discard', { params, body: { reason: decision.reason } }));
    },
    onSuccess: async (r, { mail }) => {
      setDialog(null);
      // The pen's list is a projection that catches up a moment later: drop the decided mail now.
      client.setQueryData<{ items: Held[] }>(['holding-pen'], (old) => (old ? { ...old, items: old.items.filter((x) => x.id !== mail.id) } : old));
      setFlash([{ type: 'success', dismissible: true, dismissLabel: strings.app.close, onDismiss: () => setFlash([]), content: <>{t.done(r.status)} {r.requestId && <RequestLink id={r.requestId} />}</> }]);
      await client.invalidateQueries({ queryKey: ['requests'] });
    },
  });
  const open = (mail: Held, kind: 'attach' | 'discard') => {
    setValue(kind === 'attach' ? (mail.candidateRequestId ?? '') : '');
    setShown(false);
    m.reset();
    setDialog({ mail, kind });
  };
  const error = dialog?.kind === 'attach' ? (REF.test(value.trim()) ? undefined : `${t.requestRef}: NECS-2026-00001`) : value.trim() ? undefined : strings.actions.required;
  const items = (q.data?.items ?? []) as Held[];
  return (
    <ContentLayout header={<Header variant="h1" description={t.description} counter={`(${items.length})`}>{t.title}</Header>}>
      <SpaceBetween size="l">
        <Flashbar items={flash} />
        <Cards
          loading={q.isPending}
          loadingText={strings.app.loading}
          items={items}
          empty={<Box textAlign="center">{q.isError ? q.error.message : t.empty}</Box>}
          cardsPerRow={[{ cards: 1 }, { minWidth: 900, cards: 2 }]}
          ariaLabels={{ itemSelectionLabel: () => '', selectionGroupLabel: '' }}
          cardDefinition={{
            header: (mail) => <span>{mail.subject || '—'}</span>,
            sections: [
              { id: 'from', header: t.from, content: (mail) => (mail.from ? `${mail.fromName ? `${mail.fromName} ` : ''}<${mail.from}>` : t.unparsed) },
              { id: 'received', header: strings.fields.received, content: (mail) => formatDateTime(mail.receivedAt) },
              { id: 'reason', header: t.reason, content: (mail) => `${mail.reason}${mail.detail ? ` — ${mail.detail}` : ''}` },
              { id: 'attachments', header: t.attachments, content: (mail) => (mail.attachments.length ? mail.attachments.map((a) => `${a.filename} (${formatBytes(a.sizeBytes)})`).join(', ') : '—') },
              ...[{ id: 'quarantined', header: t.quarantined, content: (mail: Held) => (mail.quarantined.length ? mail.quarantined.map((a) => `${a.filename}: ${a.reason}`).join(', ') : '—') }],
              {
                id: 'actions',
                content: (mail) => (
                  <SpaceBetween direction="horizontal" size="xs">
                    <Button onClick={() => open(mail, 'attach')} ariaLabel={`${t.attach}: ${mail.subject}`}>{t.attach}</Button>
                    <Button onClick={() => m.mutate({ mail, decision: { kind: 'promote' } })} disabled={!mail.from} ariaLabel={`${t.promote}: ${mail.subject}`}>{t.promote}</Button>
                    <Button onClick={() => open(mail, 'discard')} ariaLabel={`${t.discard}: ${mail.subject}`}>{t.discard}</Button>
                  </SpaceBetween>
                ),
              },
            ],
          }}
        />
      </SpaceBetween>
      {dialog && (
        <Modal visible header={dialog.kind === 'attach' ? t.attach : t.discard} onDismiss={() => setDialog(null)} closeAriaLabel={strings.app.close}>
          <form noValidate onSubmit={(e) => { e.preventDefault(); setShown(true); if (!error) m.mutate({ mail: dialog.mail, decision: dialog.kind === 'attach' ? { kind: 'attach', requestId: value.trim() } : { kind: 'discard', reason: value.trim() } }); }}>
            <Form errorText={m.error ? `${m.error.code}: ${m.error.message}` : undefined} actions={<SpaceBetween direction="horizontal" size="xs"><Button formAction="none" variant="link" onClick={() => setDialog(null)}>{strings.app.cancel}</Button><Button variant="primary" formAction="submit" loading={m.isPending}>{dialog.kind === 'attach' ? t.attach : t.discard}</Button></SpaceBetween>}>
              {dialog.kind === 'attach' ? (
                <FormField label={t.requestRef} errorText={shown ? error : undefined}>
                  <Input value={value} onChange={(e) => setValue(e.detail.value)} ariaLabel={t.requestRef} placeholder="NECS-2026-00001" />
                </FormField>
              ) : (
                <FormField label={t.discardReason} errorText={shown ? error : undefined}>
                  <Textarea value={value} onChange={(e) => setValue(e.detail.value)} ariaLabel={t.discardReason} />
                </FormField>
              )}
            </Form>
          </form>
        </Modal>
      )}
    </ContentLayout>
  );
}
