import Button from '@cloudscape-design/components/button';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import Tabs from '@cloudscape-design/components/tabs';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { hasRole, useMe } from '../../commons/session';
import { strings } from '../../commons/strings';
import { Published } from './published';
import { Queue } from './queue';
import { Review } from './review';
import { canSubmit } from './website-api';

const t = strings.website;

/** Website updates: the queue with both clocks, what was published from common requests, the yearly review pack. */
export default function WebsiteUpdates() {
  const me = useMe();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  // The review pack is the committee's (head of agency, chiefs) and the auditors'.
  const committee = hasRole(me, 'head_of_agency', 'division_chief', 'auditor', 'admin');
  const tab = params.get('tab') ?? 'queue';
  return (
    <ContentLayout
      header={
        <Header
          variant="h1"
          description={t.description}
          actions={
            canSubmit(me) ? (
              <Button variant="primary" onClick={() => navigate('/website-updates/new')}>
                {t.newUpdate}
              </Button>
            ) : undefined
          }
        >
          {t.title}
        </Header>
      }
    >
      <Tabs
        i18nStrings={{ scrollLeftAriaLabel: strings.app.scrollLeft, scrollRightAriaLabel: strings.app.scrollRight }}
        activeTabId={tab}
        onChange={(e) => setParams(new URLSearchParams({ tab: e.detail.activeTabId }), { replace: true })}
        tabs={[
          { id: 'queue', label: t.queue, content: <Queue /> },
          { id: 'published', label: t.published, content: <Published /> },
          ...(committee ? [{ id: 'review', label: t.review, content: <Review /> }] : []),
        ]}
      />
    </ContentLayout>
  );
}
