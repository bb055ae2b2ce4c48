import Box from '@cloudscape-design/components/box';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import { formatDateTime } from '../../commons/format';
import { strings } from '../../commons/strings';
import type { WebsiteUpdate } from './website-api';

const t = strings.website;

/** The update's steps, from the dates and returns its view carries, oldest first. */
export const historyOf = (u: WebsiteUpdate): { at: string; what: string; detail?: string }[] =>
  [
    { at: u.submittedAt, what: t.historyLine.submitted ?? 'Submitted', detail: u.submittedBy },
    ...u.returns.map((r) => ({ at: r.at, what: t.historyLine.returned ?? 'Returned', detail: r.reason })),
    ...(u.lastSubmittedAt !== u.submittedAt
      ? [{ at: u.lastSubmittedAt, what: t.historyLine.resubmitted ?? 'Resubmitted' }]
      : []),
    ...(u.completedAt ? [{ at: u.completedAt, what: t.historyLine.complete ?? 'Complete' }] : []),
    ...(u.publishedAt
      ? [{ at: u.publishedAt, what: t.historyLine.published ?? 'Published', detail: u.url ?? undefined }]
      : []),
    ...(u.status === 'withdrawn' && typeof u.lastEventAt === 'string'
      ? [{ at: u.lastEventAt, what: t.historyLine.withdrawn ?? 'Withdrawn' }]
      : []),
  ].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));

export const History = ({ update }: { update: WebsiteUpdate }) => (
  <Container header={<Header variant="h2">{t.history}</Header>}>
    <ol style={{ margin: 0, paddingLeft: 20 }} aria-label={t.history}>
      {historyOf(update).map((h) => (
        <li key={`${h.at}${h.what}`}>
          <Box variant="span" fontWeight="bold">
            {formatDateTime(h.at)}
          </Box>
          {` — ${h.what}`}
          {h.detail ? `: ${h.detail}` : ''}
        </li>
      ))}
    </ol>
  </Container>
);
