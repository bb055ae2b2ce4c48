import Box from '@cloudscape-design/components/box';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useParams } from 'react-router-dom';
import { errorSentence } from '../../commons/error-sentence';
import { formatDate, formatDateTime } from '../../commons/format';
import { strings } from '../../commons/strings';
import { AccountActions } from './account-actions';
import { accountName, useAccount } from './social-api';
import { AccountStatus } from './status';
import { useNames } from '../request/names';

const t = strings.social;

const Pair = ({ label, children }: { label: string; children: React.ReactNode }) => (
  <div>
    <Box variant="awsui-key-label">{label}</Box>
    <div style={{ whiteSpace: 'pre-wrap' }}>{children}</div>
  </div>
);

/** One official account: its status, plan, assessment, evaluations, recorders and followers, with the Lead's actions. */
export default function SocialAccountPage() {
  const { id = '' } = useParams();
  const q = useAccount(id);
  const names = useNames();
  if (q.isLoading) return <Box>{strings.app.loading}</Box>;
  if (q.isError || !q.data) return <Box color="text-status-error">{errorSentence(q.error)}</Box>;
  const a = q.data;
  return (
    <ContentLayout
      header={
        <Header
          variant="h1"
          description={t.proposedBy(names.person(a.proposedBy), formatDate(a.proposedAt))}
          actions={<AccountActions account={a} />}
        >
          {accountName(a, t.platforms)}
        </Header>
      }
    >
      <SpaceBetween size="l">
        <Container header={<Header variant="h2">{t.account}</Header>}>
          <ColumnLayout columns={3} variant="text-grid">
            <Pair label={t.status}>
              <AccountStatus status={a.status} />
            </Pair>
            <Pair label={t.evaluationDue}>{formatDate(a.evaluationDueAt)}</Pair>
            <Pair label={t.recorders}>
              {a.recorders.length ? a.recorders.map(names.person).join(', ') : t.noRecorders}
            </Pair>
            <Pair label={t.purpose}>{a.purpose}</Pair>
            {a.url && <Pair label={t.url}>{a.url}</Pair>}
            {a.retired && <Pair label={t.status}>{t.retiredBecause(a.retired.reason)}</Pair>}
          </ColumnLayout>
        </Container>
        <Container header={<Header variant="h2">{t.plan}</Header>}>
          <ColumnLayout columns={2} variant="text-grid">
            {Object.entries(a.plan).map(([k, v]) => (
              <Pair key={k} label={t.planParts[k] ?? k}>
                {v}
              </Pair>
            ))}
          </ColumnLayout>
        </Container>
        <Container header={<Header variant="h2">{t.assessment}</Header>}>
          {a.assessment ? (
            <SpaceBetween size="s">
              <Box color="text-body-secondary">
                {t.assessedBy(names.person(a.assessment.by), formatDateTime(a.assessment.at))}
              </Box>
              <ColumnLayout columns={2} variant="text-grid">
                <Pair label={t.privacyRisks}>{a.assessment.privacyRisks}</Pair>
                <Pair label={t.mitigations}>{a.assessment.mitigations}</Pair>
              </ColumnLayout>
            </SpaceBetween>
          ) : (
            <Box>{t.notAssessed}</Box>
          )}
        </Container>
        <Container header={<Header variant="h2">{t.evaluations}</Header>}>
          {a.evaluations.length === 0 ? (
            <Box>{t.noEvaluations}</Box>
          ) : (
            <SpaceBetween size="s">
              {a.evaluations.map((e) => (
                <Pair key={e.at} label={`${e.period} — ${formatDate(e.at)}`}>
                  {e.findings}
                </Pair>
              ))}
            </SpaceBetween>
          )}
        </Container>
        {Object.keys(a.followers).length > 0 && (
          <Container header={<Header variant="h2">{t.followers}</Header>}>
            <ColumnLayout columns={4} variant="text-grid">
              {Object.entries(a.followers)
                .sort()
                .map(([m, n]) => (
                  <Pair key={m} label={m}>
                    {n}
                  </Pair>
                ))}
            </ColumnLayout>
          </Container>
        )}
      </SpaceBetween>
    </ContentLayout>
  );
}
