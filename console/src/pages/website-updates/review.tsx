import Box from '@cloudscape-design/components/box';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import FormField from '@cloudscape-design/components/form-field';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Alert from '@cloudscape-design/components/alert';
import Table from '@cloudscape-design/components/table';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router-dom';
import { api, unwrap } from '../../commons/api';
import { formatDate, formatDateTime } from '../../commons/format';
import { RequestLink } from '../../commons/request-table';
import { strings } from '../../commons/strings';
import { errorSentence } from '../../commons/error-sentence';
import { DivisionName } from '../../commons/division-name';

const t = strings.website;

/** The website review committee's yearly pack (GET /reports/website-review?year=). */
export const Review = () => {
  const [params, setParams] = useSearchParams();
  const year = params.get('year') ?? String(new Date().getFullYear());
  const valid = /^20\d{2}$/.test(year);
  const q = useQuery({
    queryKey: ['website-review', year],
    enabled: valid,
    queryFn: async () => unwrap(await api().GET('/reports/website-review', { params: { query: { year } } })),
  });
  const p = q.data;
  const figures = p ? Object.entries(p.website).filter(([, v]) => typeof v === 'number' || v === null) : [];
  return (
    <SpaceBetween size="l">
      <Container header={<Header variant="h2" description={t.reviewDescription}>{`${t.review} ${year}`}</Header>}>
        <SpaceBetween size="m">
          <FormField label={t.year} errorText={valid ? undefined : 'YYYY'}>
            <div style={{ maxWidth: 160 }}>
              <Input
                value={year}
                inputMode="numeric"
                onChange={(e) => {
                  const next = new URLSearchParams(params);
                  next.set('year', e.detail.value);
                  setParams(next, { replace: true });
                }}
                ariaLabel={t.year}
              />
            </div>
          </FormField>
          {q.isError && <Alert type="error">{errorSentence(q.error, strings.errors.loadList)}</Alert>}
          {p && (
            <Box>
              {`${formatDate(p.period.from)} – ${formatDate(p.period.to)}. `}
              {p.sent ? t.reviewSent(formatDateTime(p.sent.at), p.sent.recipients.length) : t.reviewNotSent}
            </Box>
          )}
        </SpaceBetween>
      </Container>
      {p && (
        <SpaceBetween size="l">
          <Container header={<Header variant="h2">{t.sla}</Header>}>
            <KeyValuePairs
              columns={4}
              items={figures.map(([k, v]) => ({ label: t.figures[k] ?? k, value: v === null ? '—' : String(v) }))}
            />
          </Container>
          <ColumnLayout columns={2}>
            <Table
              header={
                <Header variant="h2" counter={`(${p.topicsToPublish.length})`}>
                  {t.topicsToPublish}
                </Header>
              }
              items={p.topicsToPublish}
              empty={<Box textAlign="center">{strings.reports.noData}</Box>}
              columnDefinitions={[
                { id: 'topic', header: strings.reports.topic, cell: (r) => r.topic, isRowHeader: true },
                { id: 'count', header: strings.reports.count, cell: (r) => r.count },
              ]}
            />
            <Container
              header={
                <Header variant="h2" counter={`(${p.answeredFromWebsite.count})`}>
                  {t.answeredFromWebsite}
                </Header>
              }
            >
              {p.answeredFromWebsite.requestIds.length ? (
                <SpaceBetween direction="horizontal" size="xs">
                  {p.answeredFromWebsite.requestIds.map((id) => (
                    <RequestLink key={id} id={id} />
                  ))}
                </SpaceBetween>
              ) : (
                <Box>{strings.reports.noData}</Box>
              )}
            </Container>
          </ColumnLayout>
          <Table
            header={<Header variant="h2">{t.disclosuresByDivision}</Header>}
            items={p.disclosuresByDivision}
            empty={<Box textAlign="center">{strings.reports.noData}</Box>}
            columnDefinitions={[
              {
                id: 'division',
                header: strings.fields.division,
                cell: (r) => <DivisionName id={r.division} />,
                isRowHeader: true,
              },
              { id: 'responses', header: t.responses, cell: (r) => r.responses },
              { id: 'files', header: t.files, cell: (r) => r.attachments },
            ]}
          />
        </SpaceBetween>
      )}
    </SpaceBetween>
  );
};
