import { useMe } from '../../commons/session';
import { strings } from '../../commons/strings';
import { TabbedPage } from '../../commons/tabbed-page';
import { Published } from './published';
import { Queue } from './queue';
import { Review } from './review';

const t = strings.website;

/** Website updates: the queue with both clocks, what was published from common requests, the yearly review pack. */
export default function WebsiteUpdates() {
  const me = useMe();
  return (
    <TabbedPage
      title={t.title}
      description={t.description}
      action={
        me.can.submitWebsiteUpdate ? { label: t.newUpdate, to: '/website-updates/new', primary: true } : undefined
      }
      tabs={[
        { id: 'queue', label: t.queue, content: <Queue /> },
        { id: 'published', label: t.published, content: <Published /> },
        ...(me.can.websiteReview ? [{ id: 'review', label: t.review, content: <Review /> }] : []),
      ]}
    />
  );
}
