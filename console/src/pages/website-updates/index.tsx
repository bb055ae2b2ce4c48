import Button from '@cloudscape-design/components/button';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import Tabs from '@cloudscape-design/components/tabs';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useMe } from '../../commons/session';
import { strings } from '../../commons/strings';
import { Published } from './published';
import { Queue } from './queue';
import { Review } from './review';

const t = strings.website;

/** Website updates: the queue with both clocks, what was published from common requests, the yearly review pack. */
export default function WebsiteUpdates() {
  const me = useMe();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'queue';
  return (
    <ContentLayout
      header={
        <Header
          variant="h1"
          description={t.description}
          actions={
            me.can.submitWebsiteUpdate ? (
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
          ...(me.can.websiteReview ? [{ id: 'review', label: t.review, content: <Review /> }] : []),
        ]}
      />
    </ContentLayout>
  );
}
