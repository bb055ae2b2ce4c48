import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Flashbar, { type FlashbarProps } from '@cloudscape-design/components/flashbar';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { api, ApiError, unwrap, type RequestView } from '../../commons/api';
import { formatDateTime } from '../../commons/format';
import { useMe } from '../../commons/session';
import { DueDate, SlaStatus } from '../../commons/sla';
import { strings } from '../../commons/strings';
import { actionForms, allowedActions, type ActionId } from './actions';
import { Timeline } from './timeline';
import { PublishedAnswer } from './published-answer';

const t = strings.request;
const f = strings.fields;

/** The fields that differ between the view on screen and the request as it now stands (from the 412's details). */
const changes = (mine: RequestView, current: unknown): string[] => {
  if (!current || typeof current !== 'object') return [];
  const now = current as Record<string, unknown>;
  const keys = ['status', 'division', 'assignee', 'dueAt', 'pausedAt', 'respondedAt', 'closedAt', 'extendedWorkingDays'] as const;
  return keys.filter((k) => k in now && JSON.stringify(now[k]) !== JSON.stringify(mine[k])).map((k) => `${k}: ${String(mine[k] ?? '—')} → ${String(now[k] ?? '—')}`);
};

export default function RequestPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const client = useQueryClient();
  const [open, setOpen] = useState<ActionId | null>(null);
  const [flash, setFlash] = useState<FlashbarProps.MessageDefinition[]>([]);
  const [stale, setStale] = useState<ApiError | null>(null);
  const q = useQuery({
    queryKey: ['request', id],
    queryFn: async () => {
      const r = await api().GET('/requests/{id}', { params: { path: { id } } });
      const view = unwrap(r);
      const etag = r.response.headers.get('etag')?.replace(/^W\//, '').replace(/"/g, '');
      return { view, version: etag && /^\d+$/.test(etag) ? Number(etag) : undefined };
    },
    // A view being acted on must not refresh under the person's hands: the 412 tells them instead.
    refetchOnWindowFocus: false,
  });
  const history = useQuery({ queryKey: ['history', id], queryFn: async () => unwrap(await api().GET('/requests/{id}/history', { params: { path: { id } } })) });
  if (q.isError) return <Alert type="error" header={id}>{q.error.message}</Alert>;
  if (!q.data) return <StatusIndicator type="loading">{strings.app.loading}</StatusIndicator>;
  const r = q.data.view;
  const actions = allowedActions(me, r);
  const Form = open ? actionForms[open] : null;
  const reload = async () => {
    setStale(null);
    await Promise.all([client.invalidateQueries({ queryKey: ['request', id] }), client.invalidateQueries({ queryKey: ['history', id] })]);
  };
  return (
    <ContentLayout
      header={
        <Header variant="h1" description={r.subject} actions={
          <SpaceBetween direction="horizontal" size="xs">
            {actions.map((a) => (
              <Button key={a} onClick={() => setOpen(a)} variant={a === 'respond' ? 'primary' : 'normal'} disabled={stale !== null}>{strings.actions[a]}</Button>
            ))}
          </SpaceBetween>
        }>
          {r.id}
        </Header>
      }
    >
      <SpaceBetween size="l">
        <Flashbar items={flash} />
        {stale && (
          <Alert type="warning" header={t.stale} action={<Button onClick={() => void reload()}>{t.reload}</Button>}>
            {changes(r, stale.details).length > 0 && (
              <>
                <Box variant="strong">{t.staleChanges}</Box>
                <ul>{changes(r, stale.details).map((c) => <li key={c}>{c}</li>)}</ul>
              </>
            )}
          </Alert>
        )}
        <PublishedAnswer request={r} version={q.data.version} me={me} onStale={setStale} onDone={(what) => setFlash([{ type: 'success', content: t.done(what), dismissible: true, id: String(Date.now()), onDismiss: () => setFlash([]), dismissLabel: strings.app.close }])} />
        <Container header={<Header variant="h2">{t.overview}</Header>}>
          <KeyValuePairs
            columns={4}
            items={[
              { label: f.requester, value: `${r.requester.name}${r.requester.email ? ` <${r.requester.email}>` : ''}${r.requester.organization ? `, ${r.requester.organization}` : ''}` },
              { label: f.channel, value: strings.channel[r.channel] ?? r.channel },
              { label: f.status, value: strings.status[r.status] ?? r.status },
              { label: f.sla, value: <SlaStatus request={r} /> },
              { label: f.due, value: <DueDate request={r} /> },
              { label: f.received, value: formatDateTime(r.receivedAt) },
              { label: f.division, value: r.division ?? f.unassigned },
              { label: f.assignee, value: r.assignee ?? '—' },
              { label: t.consultations, value: r.consultations.length ? r.consultations.map((c) => `${c.person} (${strings.actions.outcomes[c.outcome]})`).join(', ') : t.none },
              { label: t.responses, value: r.responses.length ? r.responses.map((x) => `${strings.actions.dispositions[x.disposition]} · ${formatDateTime(x.sentAt)} · ${t.attachments(x.attachments)}`).join('; ') : t.none },
              ...(r.topics.length ? [{ label: t.topics, value: r.topics.join(', ') }] : []),
            ]}
          />
          {actions.length === 0 && <Box margin={{ top: 'm' }} color="text-body-secondary">{t.noActions}</Box>}
        </Container>
        <Timeline events={history.data?.events ?? []} loading={history.isPending} requestId={r.id} />
      </SpaceBetween>
      {Form && open && (
        <Form
          request={r}
          version={q.data.version}
          me={me}
          onCancel={() => setOpen(null)}
          onStale={(e) => { setStale(e); setOpen(null); }}
          onDone={(what) => {
            setOpen(null);
            setFlash([{ type: 'success', content: t.done(what), dismissible: true, id: String(Date.now()), onDismiss: () => setFlash([]), dismissLabel: strings.app.close }]);
          }}
        />
      )}
    </ContentLayout>
  );
}
