import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useSearchParams } from 'react-router-dom';
import { useDivisions } from '../../commons/divisions';
import {
  divisionAtRiskQuery,
  divisionBreachedQuery,
  divisionCounted,
  myWorkCounted,
  myWorkQuery,
  PAGE_SIZE,
  unassignedQuery,
  usePagedRequests,
  type PagedRequests,
} from '../../commons/request-pages';
import { RequestTable } from '../../commons/request-table';
import { useMe } from '../../commons/session';
import { strings } from '../../commons/strings';
import { Counts } from './counts';
import { MonthFigures } from './figures';
import { landingOf } from './landing';
import { LeadDesk } from '../social/lead-desk';

const t = strings.myWork;
const counter = (p: PagedRequests) => (p.loading ? undefined : `(${p.loadedCount}${p.more ? '+' : ''})`);

/** A table of one list on the desk, titled, with its count. */
const List = ({
  paged,
  title,
  empty,
  linkTo,
}: {
  paged: PagedRequests;
  title: string;
  empty: string;
  linkTo?: 'audit';
}) => (
  <RequestTable
    paged={paged}
    label={title}
    header={
      <Header variant="h2" counter={counter(paged)}>
        {title}
      </Header>
    }
    empty={empty}
    {...(linkTo ? { linkTo } : {})}
  />
);

/** A chief's division first: its breached and at-risk requests whoever holds them (the ICT chief: and the unassigned). */
const DivisionDesk = ({ division, ict }: { division: string; ict: boolean }) => {
  const { nameOf } = useDivisions();
  const name = nameOf(division);
  const breached = usePagedRequests(divisionBreachedQuery(division));
  const atRisk = usePagedRequests(divisionAtRiskQuery(division));
  const unassigned = usePagedRequests(unassignedQuery, ict);
  return (
    <>
      <Counts
        title={t.divisionCounts(ict ? `${name} and ${strings.fields.unassigned.toLowerCase()}` : name)}
        queries={ict ? [divisionCounted(division), divisionCounted('unassigned')] : [divisionCounted(division)]}
      />
      <List paged={breached} title={t.breached(name)} empty={t.breachedEmpty(name)} />
      <List paged={atRisk} title={t.atRisk(name)} empty={t.atRiskEmpty(name)} />
      {ict && <List paged={unassigned} title={t.unassigned} empty={t.unassignedEmpty} />}
    </>
  );
};

/** The auditor's desk: every request, searchable, each opening its audit view. */
const AuditDesk = () => {
  const [params, setParams] = useSearchParams();
  const text = params.get('q')?.trim() ?? '';
  const paged = usePagedRequests({ ...(text ? { q: text } : {}), limit: PAGE_SIZE });
  const search = (value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set('q', value);
    else next.delete('q');
    setParams(next, { replace: true });
  };
  return (
    <RequestTable
      paged={paged}
      linkTo="audit"
      label={t.toAudit}
      header={
        <Header variant="h2" counter={counter(paged)}>
          {t.toAudit}
        </Header>
      }
      empty={t.toAuditEmpty}
      search={{ text, onChange: search }}
    />
  );
};

/** What is on my own desk: what I hold or was asked about (`assignee=me`). */
const OwnDesk = ({ spokesperson }: { spokesperson: boolean }) => {
  const mine = usePagedRequests(myWorkQuery);
  return spokesperson ? (
    <List paged={mine} title={t.waitingForView} empty={t.waitingForViewEmpty} />
  ) : (
    <List paged={mine} title={t.mine} empty={t.empty} />
  );
};

/**
 * Where each person lands after signing in, showing their work: a chief their division's breaches and
 * risks (the ICT chief also what no division holds), the head of agency the month's figures, the auditor a
 * list to audit, a spokesperson what waits for their view, intake the unassigned queue, everyone their desk.
 */
export default function MyWork() {
  const me = useMe();
  const { nameOf } = useDivisions();
  const landing = landingOf(me);
  const unassigned = usePagedRequests(unassignedQuery, landing.kind === 'intake');
  const description =
    landing.kind === 'chief'
      ? landing.ict
        ? t.descriptions.ictChief(nameOf(landing.division))
        : t.descriptions.chief(nameOf(landing.division))
      : t.descriptions[landing.kind];
  return (
    <ContentLayout
      header={
        <Header variant="h1" description={description}>
          {t.title}
        </Header>
      }
    >
      <SpaceBetween size="l">
        {landing.kind === 'head' && <MonthFigures />}
        {landing.kind === 'chief' && <DivisionDesk division={landing.division} ict={landing.ict} />}
        {landing.kind === 'auditor' && <AuditDesk />}
        {landing.kind === 'social' && <LeadDesk />}
        {landing.kind !== 'chief' && landing.kind !== 'auditor' && landing.kind !== 'social' && (
          <Counts title={t.counts} queries={[myWorkCounted()]} />
        )}
        {landing.kind !== 'auditor' && landing.kind !== 'social' && (
          <OwnDesk spokesperson={landing.kind === 'spokesperson'} />
        )}
        {landing.kind === 'intake' && <List paged={unassigned} title={t.unassigned} empty={t.unassignedEmpty} />}
      </SpaceBetween>
    </ContentLayout>
  );
}
