import Button from '@cloudscape-design/components/button';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import Tabs from '@cloudscape-design/components/tabs';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useMe } from '../../commons/session';
import { strings } from '../../commons/strings';
import { Incidents } from './incidents';
import { Register } from './register';
import { Trail } from './trail';

const t = strings.social;

/** Social media (clause 9): the register of official accounts, the record trail, incidents. */
export default function SocialMedia() {
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'register';
  const me = useMe();
  const navigate = useNavigate();
  return (
    <ContentLayout
      header={
        <Header
          variant="h1"
          description={t.description}
          actions={
            me.can.proposeSocialAccount ? (
              <Button onClick={() => navigate('/social/propose')}>{t.propose}</Button>
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
          { id: 'register', label: t.register, content: <Register /> },
          { id: 'trail', label: t.trail, content: <Trail /> },
          { id: 'incidents', label: t.incidents, content: <Incidents /> },
        ]}
      />
    </ContentLayout>
  );
}
