import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import Slider from '@cloudscape-design/components/slider';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { api, unwrap } from '../../commons/api';
import { formatDateTime } from '../../commons/format';
import { strings } from '../../commons/strings';
import { useNames } from '../request/names';
import { describe, Timeline } from './timeline';
import { Anchors } from './anchors';
import { Evidence } from './evidence';

const t = strings.audit;
const f = strings.fields;

/** An auditor's view: the history with an as-of slider showing the state as it stood, and the chain's verification. */
export default function Audit() {
  const { id } = useParams();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [ref, setRef] = useState(id ?? '');
  const names = useNames();
  const full = useQuery({
    enabled: Boolean(id),
    queryKey: ['history', id],
    queryFn: async () => unwrap(await api().GET('/requests/{id}/history', { params: { path: { id: id as string } } })),
  });
  const events = full.data?.events ?? [];
  const version = Math.min(Number(params.get('v') ?? events.length) || events.length, events.length);
  const asOf = events[version - 1]?.occurredAt;
  const past = useQuery({
    enabled: Boolean(id && asOf),
    queryKey: ['history', id, asOf],
    queryFn: async () =>
      unwrap(
        await api().GET('/requests/{id}/history', {
          params: { path: { id: id as string }, query: { asOf: asOf as string } },
        }),
      ),
  });
  const verify = useQuery({
    enabled: false,
    queryKey: ['verify', id],
    queryFn: async () => unwrap(await api().GET('/requests/{id}/verify', { params: { path: { id: id as string } } })),
  });
  const state = past.data?.state;
  const anchors = useQuery({ queryKey: ['anchors'], queryFn: async () => unwrap(await api().GET('/anchors')) });
  const latestAnchor = anchors.data?.anchors.at(-1)?.sequence;
  const head = events.at(-1);
  return (
    <ContentLayout header={<Header variant="h1">{id ? `${t.title}: ${id}` : t.title}</Header>}>
      <SpaceBetween size="l">
        <Container>
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              if (ref.trim()) navigate(`/audit/${ref.trim()}`);
            }}
          >
            <SpaceBetween direction="horizontal" size="xs" alignItems="end">
              <FormField label={t.lookup}>
                <Input
                  value={ref}
                  onChange={(e) => setRef(e.detail.value)}
                  ariaLabel={t.lookup}
                  placeholder="NECS-2026-00001"
                />
              </FormField>
              <Button formAction="submit">{t.open}</Button>
              {id && (
                <Button onClick={() => void verify.refetch()} loading={verify.isFetching}>
                  {t.verify}
                </Button>
              )}
            </SpaceBetween>
          </form>
          {verify.data && (
            <Box margin={{ top: 's' }} data-testid="verify-result">
              {verify.data.valid ? (
                <StatusIndicator type="success">{t.valid(verify.data.events ?? 0)}</StatusIndicator>
              ) : (
                <StatusIndicator type="error">
                  {t.broken(verify.data.brokenAt ?? 0, verify.data.reason ?? '')}
                </StatusIndicator>
              )}
            </Box>
          )}
          {verify.error && <Alert type="error">{verify.error.message}</Alert>}
        </Container>
        {full.isError && <Alert type="error">{full.error.message}</Alert>}
        {id && full.isSuccess && (
          <Evidence id={id} head={head && { version: head.version, hash: head.hash }} latest={latestAnchor} />
        )}
        {events.length > 0 && (
          <Container
            header={
              <Header
                variant="h2"
                description={t.asOfHint}
              >{`${t.asOf} ${formatDateTime(asOf)} — ${t.version} ${version} / ${events.length}`}</Header>
            }
          >
            <SpaceBetween size="m">
              <Slider
                value={version}
                min={1}
                max={events.length}
                step={1}
                ariaLabel={t.asOf}
                valueFormatter={(v) => {
                  const e = events[v - 1];
                  return e ? `${v}: ${describe(e, names).what}` : String(v);
                }}
                onChange={(e) => {
                  const next = new URLSearchParams(params);
                  next.set('v', String(e.detail.value));
                  setParams(next, { replace: true });
                }}
              />
              {state ? (
                <KeyValuePairs
                  columns={4}
                  items={[
                    {
                      label: f.status,
                      value: <span data-testid="asof-status">{strings.status[state.status] ?? state.status}</span>,
                    },
                    { label: f.division, value: state.division ? names.division(state.division) : f.unassigned },
                    { label: f.assignee, value: state.assignee ? names.person(state.assignee) : '—' },
                    { label: f.due, value: formatDateTime(state.dueAt) },
                    { label: f.sla, value: strings.sla[state.sla] ?? state.sla },
                    { label: strings.request.consultations, value: String(state.consultations.length) },
                    { label: strings.request.responses, value: String(state.responses.length) },
                    {
                      label: t.hash,
                      value: <Box variant="code">{`${events[version - 1]?.hash.slice(0, 16) ?? ''}…`}</Box>,
                    },
                  ]}
                />
              ) : (
                <StatusIndicator type="loading">{strings.app.loading}</StatusIndicator>
              )}
            </SpaceBetween>
          </Container>
        )}
        {id && <Timeline events={events.slice(0, version)} loading={full.isPending} names={names} />}
        <Anchors list={anchors} />
      </SpaceBetween>
    </ContentLayout>
  );
}
