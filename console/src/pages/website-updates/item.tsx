import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Flashbar from '@cloudscape-design/components/flashbar';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import Link from '@cloudscape-design/components/link';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { useDivisions } from '../../commons/divisions';
import { formatDate, formatDateTime } from '../../commons/format';
import { errorSentence } from '../../commons/error-sentence';
import { RequestLink } from '../../commons/request-table';
import { strings } from '../../commons/strings';
import { useFlash } from '../../commons/use-flash';
import { WebsiteActionForm } from './actions';
import { History } from './history';
import { Information } from './information';
import { CurrentDue, SlaIndicator } from './sla-status';
import { useWebsiteUpdate, type WebsiteAction } from './website-api';

const t = strings.website;

/** One website update: what the division sent, both clocks, its history, and the actions this person may take. */
export default function WebsiteUpdatePage() {
  const { id = '' } = useParams();
  const { nameOf } = useDivisions();
  const q = useWebsiteUpdate(id);
  const [open, setOpen] = useState<WebsiteAction | null>(null);
  const flash = useFlash();
  if (q.isError)
    return (
      <Alert type="error" header={id}>
        {errorSentence(q.error, t.openUpdate)}
      </Alert>
    );
  if (!q.data) return <StatusIndicator type="loading">{strings.app.loading}</StatusIndicator>;
  const u = q.data;
  const actions = u.allowedActions;
  return (
    <ContentLayout
      header={
        <Header
          variant="h1"
          description={u.title}
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              {actions.map((a) => (
                <Button
                  key={a}
                  onClick={() => setOpen(a)}
                  variant={a === 'complete' || a === 'published' || a === 'resubmit' ? 'primary' : 'normal'}
                >
                  {t.actions[a]}
                </Button>
              ))}
            </SpaceBetween>
          }
        >
          {u.id}
        </Header>
      }
    >
      <SpaceBetween size="l">
        <Flashbar items={flash.items} />
        {/* What ICT decides on comes first: the information itself, above the clocks. */}
        <Container
          header={
            <Header variant="h2" description={t.informationDescription}>
              {t.information}
            </Header>
          }
        >
          <Information update={u} />
        </Container>
        <Container header={<Header variant="h2">{strings.request.overview}</Header>}>
          <KeyValuePairs
            columns={4}
            items={[
              { label: strings.fields.status, value: t.statuses[u.status] ?? u.status },
              { label: t.kind, value: t.kinds[u.kind] ?? u.kind },
              { label: strings.fields.division, value: nameOf(u.division) },
              { label: t.eventDate, value: formatDate(u.eventDate) },
              { label: t.clock, value: <CurrentDue update={u} /> },
              { label: strings.fields.sla, value: <SlaIndicator status={u.sla.current} /> },
              {
                label: t.submissionSla,
                value: (
                  <span>
                    <SlaIndicator status={u.sla.submission} />{' '}
                    <small>{`${t.due} ${formatDateTime(u.submissionDueAt)}`}</small>
                  </span>
                ),
              },
              {
                label: t.publicationSla,
                value: u.publicationDueAt ? (
                  <span>
                    <SlaIndicator status={u.sla.publication} />{' '}
                    <small>{`${t.due} ${formatDateTime(u.publicationDueAt)}`}</small>
                  </span>
                ) : (
                  '—'
                ),
              },
              { label: t.submittedBy, value: u.submittedBy },
              { label: t.submittedAt, value: formatDateTime(u.submittedAt) },
              ...(u.url
                ? [
                    {
                      label: t.url,
                      value: (
                        <Link href={u.url} external>
                          {u.url}
                        </Link>
                      ),
                    },
                  ]
                : []),
              ...(u.topic ? [{ label: t.topic, value: u.topic }] : []),
              ...(u.requestIds.length
                ? [
                    {
                      label: t.fromRequests,
                      value: (
                        <SpaceBetween direction="horizontal" size="xs">
                          {u.requestIds.map((r) => (
                            <RequestLink key={r} id={r} />
                          ))}
                        </SpaceBetween>
                      ),
                    },
                  ]
                : []),
            ]}
          />
          {actions.length === 0 && (
            <Box margin={{ top: 'm' }} color="text-body-secondary">
              {t.noActions}
            </Box>
          )}
        </Container>
        <History update={u} />
      </SpaceBetween>
      {open && (
        <WebsiteActionForm
          action={open}
          update={u}
          onCancel={() => setOpen(null)}
          onDone={(what) => {
            setOpen(null);
            flash.show(t.done(what));
          }}
        />
      )}
    </ContentLayout>
  );
}
