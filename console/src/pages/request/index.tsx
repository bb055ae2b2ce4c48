import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Flashbar from '@cloudscape-design/components/flashbar';
import Grid from '@cloudscape-design/components/grid';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { api, ApiError, unwrap, type RequestView } from '../../commons/api';
import { formatDateTime } from '../../commons/format';
import { useMe } from '../../commons/session';
import { strings } from '../../commons/strings';
import { useFlash } from '../../commons/use-flash';
import { actionForms, allowedActions, type ActionId } from './actions';
import { ActionPanel, DetailsPanel } from './side-panels';
import { Correspondence } from './correspondence';
import { useNames, type Names } from './names';
import { PublishedAnswer } from './published-answer';

const t = strings.request;
const f = strings.fields;

/**
 * What differs between the view on screen and the request as it now stands (the 412's details), in words:
 * "Status: Assigned → Responded", with names and dates, never field names or ids.
 */
const changes = (mine: RequestView, current: unknown, names: Names): string[] => {
  if (!current || typeof current !== 'object') return [];
  const now = current as Record<string, unknown>;
  const shown: Record<string, { label: string; show: (v: unknown) => string }> = {
    status: { label: f.status, show: (v) => strings.status[String(v)] ?? String(v) },
    division: { label: f.division, show: (v) => (v ? names.division(String(v)) : f.unassigned) },
    assignee: { label: f.assignee, show: (v) => (v ? names.person(String(v)) : '—') },
    dueAt: { label: f.due, show: (v) => formatDateTime(v as string | null) },
    pausedAt: { label: t.pausedAt, show: (v) => formatDateTime(v as string | null) },
    respondedAt: { label: t.respondedAt, show: (v) => formatDateTime(v as string | null) },
    closedAt: { label: t.closedAt, show: (v) => formatDateTime(v as string | null) },
    extendedWorkingDays: { label: t.extendedBy, show: (v) => String(v ?? 0) },
  };
  return Object.entries(shown)
    .filter(([k]) => k in now && JSON.stringify(now[k]) !== JSON.stringify(mine[k as keyof RequestView]))
    .map(([k, s]) => `${s.label}: ${s.show(mine[k as keyof RequestView])} → ${s.show(now[k])}`);
};

export default function RequestPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const client = useQueryClient();
  const names = useNames();
  const [open, setOpen] = useState<ActionId | null>(null);
  const flash = useFlash();
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
  if (q.isError)
    return (
      <Alert type="error" header={id}>
        {q.error.message}
      </Alert>
    );
  if (!q.data) return <StatusIndicator type="loading">{strings.app.loading}</StatusIndicator>;
  const r = q.data.view;
  const actions = allowedActions(r);
  const Form = open ? actionForms[open] : null;
  const done = (what: string) => flash.show(t.done(what));
  const reload = async () => {
    setStale(null);
    await Promise.all([
      client.invalidateQueries({ queryKey: ['request', id] }),
      client.invalidateQueries({ queryKey: ['correspondence', id] }),
    ]);
  };
  const staleChanges = stale ? changes(r, stale.details, names) : [];
  return (
    <ContentLayout
      header={
        <Header
          variant="h1"
          description={t.headline(strings.status[r.status] ?? r.status, formatDateTime(r.dueAt), r.requester.name)}
        >{`${r.id}: ${r.subject}`}</Header>
      }
    >
      <SpaceBetween size="l">
        <Flashbar items={flash.items} />
        {stale && (
          <Alert type="warning" header={t.stale} action={<Button onClick={() => void reload()}>{t.reload}</Button>}>
            {staleChanges.length > 0 && (
              <>
                <Box variant="strong">{t.staleChanges}</Box>
                <ul>
                  {staleChanges.map((c) => (
                    <li key={c}>{c}</li>
                  ))}
                </ul>
              </>
            )}
          </Alert>
        )}
        <PublishedAnswer request={r} version={q.data.version} onStale={setStale} onDone={done} />
        {/* Wide: the correspondence with the actions beside it. Narrow: the correspondence, then the actions. */}
        <Grid gridDefinition={[{ colspan: { default: 12, s: 8 } }, { colspan: { default: 12, s: 4 } }]}>
          <Correspondence request={r} names={names} />
          <SpaceBetween size="l">
            <ActionPanel request={r} actions={actions} disabled={stale !== null} onOpen={setOpen} names={names} />
            <DetailsPanel request={r} names={names} />
          </SpaceBetween>
        </Grid>
      </SpaceBetween>
      {Form && open && (
        <Form
          request={r}
          version={q.data.version}
          me={me}
          onCancel={() => setOpen(null)}
          onStale={(e) => {
            setStale(e);
            setOpen(null);
          }}
          onDone={(what) => {
            setOpen(null);
            done(what);
          }}
        />
      )}
    </ContentLayout>
  );
}
