import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { RequestView } from '../../commons/api';
import { formatDateTime } from '../../commons/format';
import { DueDate, SlaStatus } from '../../commons/sla';
import { strings } from '../../commons/strings';
import type { ActionId } from './action-id';
import type { Names } from './names';

const t = strings.request;
const f = strings.fields;

/** Whether a spokesperson has given their view: the response waits for it (the API's SPOKESPERSON_NOT_CONSULTED). */
export const spokespersonHeard = (r: RequestView) => r.consultations.some((c) => c.with === 'spokesperson');

/** What still stands between this request and its response, said before anyone writes one. */
export const MissingForResponse = ({ request: r, names }: { request: RequestView; names: Names }) => {
  if (spokespersonHeard(r)) return null;
  const pending = (r.asked ?? []).filter((a) => a.with === 'spokesperson');
  return (
    <Box data-testid="missing-for-response" color="text-status-warning">
      {pending.length > 0
        ? t.waitingForView(pending.map((a) => `${names.person(a.person)} (${formatDateTime(a.askedAt)})`).join(', '))
        : t.needsView}
    </Box>
  );
};

/** The actions the person may take now, one under the other; the response's prerequisite said beside it. */
export const ActionPanel = ({
  request: r,
  actions,
  disabled,
  onOpen,
  names,
}: {
  request: RequestView;
  actions: readonly ActionId[];
  disabled: boolean;
  onOpen: (a: ActionId) => void;
  names?: Names;
}) => (
  <Container header={<Header variant="h2">{t.actions}</Header>}>
    <SpaceBetween size="s">
      {actions.length === 0 && <Box color="text-body-secondary">{t.noActions}</Box>}
      {actions.map((a) => (
        <SpaceBetween key={a} size="xxs">
          <Button
            fullWidth
            onClick={() => onOpen(a)}
            variant={a === 'respond' && r.status !== 'responded' ? 'primary' : 'normal'}
            disabled={disabled}
          >
            {a === 'respond' && r.status === 'responded' ? t.respondAgain : strings.actions[a]}
          </Button>
          {a === 'respond' && names && <MissingForResponse request={r} names={names} />}
        </SpaceBetween>
      ))}
    </SpaceBetween>
  </Container>
);

/** The request's facts, in words: who, how it came, where it stands, who holds it. */
export const DetailsPanel = ({ request: r, names }: { request: RequestView; names: Names }) => (
  <Container header={<Header variant="h2">{t.overview}</Header>}>
    <KeyValuePairs
      columns={1}
      items={[
        {
          label: f.requester,
          value: `${r.requester.name}${r.requester.email ? ` <${r.requester.email}>` : ''}${r.requester.organization ? `, ${r.requester.organization}` : ''}`,
        },
        { label: f.channel, value: strings.channel[r.channel] ?? r.channel },
        { label: f.status, value: strings.status[r.status] ?? r.status },
        { label: f.sla, value: <SlaStatus request={r} /> },
        { label: f.due, value: <DueDate request={r} /> },
        { label: f.received, value: formatDateTime(r.receivedAt) },
        { label: f.division, value: r.division ? names.division(r.division) : f.unassigned },
        { label: t.heldBy, value: r.assignee ? names.person(r.assignee) : '—' },
        {
          label: t.consultations,
          value: r.consultations.length
            ? r.consultations
                .map((c) => `${names.person(c.person)} (${strings.actions.outcomes[c.outcome] ?? ''})`)
                .join(', ')
            : t.none,
        },
        ...((r.asked ?? []).length
          ? [{ label: t.viewsAwaited, value: (r.asked ?? []).map((a) => names.person(a.person)).join(', ') }]
          : []),
        {
          label: t.responses,
          value: r.responses.length
            ? r.responses
                .map((x) => `${strings.actions.dispositions[x.disposition] ?? ''} · ${formatDateTime(x.sentAt)}`)
                .join('; ')
            : t.none,
        },
        ...(r.topics.length ? [{ label: t.topics, value: r.topics.join(', ') }] : []),
      ]}
    />
  </Container>
);
