import Badge from '@cloudscape-design/components/badge';
import Box from '@cloudscape-design/components/box';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type RequestView, type Schemas } from '../../commons/api';
import { formatDateTime } from '../../commons/format';
import { strings } from '../../commons/strings';
import { AttachmentLink } from './attachment-link';
import type { Names } from './names';

const t = strings.correspondence;
type Item = Schemas['CorrespondenceItem'];

/** The request's correspondence, newest last; refetched with the request after every command. */
export const useCorrespondence = (id: string) =>
  useQuery({
    queryKey: ['correspondence', id],
    queryFn: async () => unwrap(await api().GET('/requests/{id}/correspondence', { params: { path: { id } } })).items,
  });

const badge = (d: Item['direction']) =>
  d === 'in' ? (
    <Badge color="blue">{t.fromRequester}</Badge>
  ) : d === 'out' ? (
    <Badge color="green">{t.toRequester}</Badge>
  ) : (
    <Badge color="grey">{t.internal}</Badge>
  );

/** The heading of one entry, in words: who did what. */
const titleOf = (item: Item, r: RequestView, names: Names): string => {
  const by = item.by ? names.person(item.by.id) || item.by.name : t.system;
  const person = item.person ? names.person(item.person.id) || item.person.name : '';
  switch (item.kind) {
    case 'request':
      return item.via
        ? t.socialMessage(t.platforms[item.via] ?? '', r.requester.name)
        : t.request(r.requester.name, strings.channel[r.channel] ?? r.channel);
    case 'requester_message':
      return item.via
        ? t.socialMessage(t.platforms[item.via] ?? '', r.requester.name)
        : t.requesterMessage(r.requester.name);
    case 'acknowledgment':
      return t.acknowledgment;
    case 'clarification':
      return t.clarification(by);
    case 'response':
      return t.response(by, strings.actions.dispositions[item.disposition ?? 'full'] ?? '');
    case 'published_answer':
      return t.publishedAnswer(by);
    case 'view_asked':
      return t.viewAsked(by, person);
    case 'view':
      return t.view(person, strings.actions.outcomes[item.outcome ?? ''] ?? '');
    case 'note':
      return t.note(by);
    case 'closed':
      return t.closed(strings.actions.closeReasons[item.reason ?? ''] ?? '');
    default:
      return t.mail(t.mailPurposes[item.purpose ?? ''] ?? '');
  }
};

/** When a mail left, and what became of it at each address. */
const MailStatusLine = ({ item }: { item: Item }) => {
  const m = item.mail;
  if (!m) return item.direction === 'out' ? <StatusIndicator type="pending">{t.notYetSent}</StatusIndicator> : null;
  const sent = item.kind === 'view_asked' ? t.noticeSent : t.sent;
  return (
    <SpaceBetween size="xxs">
      <StatusIndicator type="info">
        {m.via
          ? t.sentPrivately(formatDateTime(m.sentAt), t.platforms[m.via] ?? '', m.to.join(', '))
          : sent(formatDateTime(m.sentAt), m.to.join(', '))}
      </StatusIndicator>
      {m.delivered.map((d, i) => (
        <StatusIndicator key={`d${i}`} type="success">
          {t.delivered(formatDateTime(d.at), d.recipients.join(', '))}
        </StatusIndicator>
      ))}
      {m.bounced.map((b, i) => (
        <StatusIndicator key={`b${i}`} type="error">
          {t.bounced(t.bounceKinds[b.bounceType] ?? b.bounceType, b.recipients.join(', '), b.diagnostic ?? '')}
        </StatusIndicator>
      ))}
    </SpaceBetween>
  );
};

/** Plain text as written: line breaks kept, long words wrapped; React escapes it, so nothing in it runs or loads. */
const Text = ({ text }: { text: string }) => (
  <div data-testid="message-text" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', lineHeight: 1.5 }}>
    {text || <Box color="text-body-secondary">{t.noText}</Box>}
  </div>
);

const Entry = ({ item, request, names }: { item: Item; request: RequestView; names: Names }) => {
  const by = item.by;
  const meta = [
    formatDateTime(item.at),
    ...(item.from && item.direction === 'in' ? [`${t.from}: ${item.from}`] : []),
    ...(item.to?.length && item.kind !== 'view_asked' ? [`${t.to}: ${item.to.join(', ')}`] : []),
    ...(item.cc?.length ? [`${t.cc}: ${item.cc.join(', ')}`] : []),
    ...(item.kind === 'view' && by?.actingFor
      ? [t.actingFor(names.person(by.id) || by.name, names.person(by.actingFor.id) || by.actingFor.name)]
      : []),
  ].join(' · ');
  return (
    <Container
      header={
        <Header variant="h3" description={meta} actions={badge(item.direction)}>
          {titleOf(item, request, names)}
        </Header>
      }
    >
      <SpaceBetween size="s">
        {item.subject && item.kind !== 'view_asked' && <Box variant="small">{`${t.subject}: ${item.subject}`}</Box>}
        {item.question && (
          <Box>
            <Box variant="awsui-key-label">{t.question}</Box>
            <Text text={item.question} />
          </Box>
        )}
        {(item.text || item.kind !== 'closed') && <Text text={item.text} />}
        {item.reason && item.kind === 'response' && <Box>{`${strings.actions.reason}: ${item.reason}`}</Box>}
        {item.attachments.length > 0 && (
          <Box>
            <Box variant="awsui-key-label">{t.attachmentsLabel}</Box>
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {item.attachments.map((a) => (
                <li key={a.sha256}>
                  <AttachmentLink requestId={request.id} attachment={a} />
                </li>
              ))}
            </ul>
          </Box>
        )}
        <MailStatusLine item={item} />
      </SpaceBetween>
    </Container>
  );
};

/** What the requester wrote and every message in and out, in full, with notes, questions and views: newest last. */
export const Correspondence = ({ request, names }: { request: RequestView; names: Names }) => {
  const q = useCorrespondence(request.id);
  const items = q.data ?? [];
  return (
    <section aria-label={t.title}>
      <SpaceBetween size="m">
        <Header variant="h2" counter={q.data ? `(${items.length})` : undefined} description={t.description}>
          {t.title}
        </Header>
        {q.isPending && <StatusIndicator type="loading">{t.loading}</StatusIndicator>}
        {q.isError && <StatusIndicator type="error">{q.error.message}</StatusIndicator>}
        {q.isSuccess && items.length === 0 && <Box color="text-body-secondary">{t.empty}</Box>}
        {items.map((item) => (
          <Entry key={`${item.kind}-${item.version}`} item={item} request={request} names={names} />
        ))}
      </SpaceBetween>
    </section>
  );
};
