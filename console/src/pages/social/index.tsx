import Button from '@cloudscape-design/components/button';
import { useNavigate } from 'react-router-dom';
import { useMe } from '../../commons/session';
import { strings } from '../../commons/strings';
import { TabbedPage } from '../../commons/tabbed-page';
import { Incidents } from './incidents';
import { Register } from './register';
import { Trail } from './trail';

const t = strings.social;

/** Social media (clause 9): the register of official accounts, the record trail, incidents. */
export default function SocialMedia() {
  const me = useMe();
  const navigate = useNavigate();
  return (
    <TabbedPage
      title={t.title}
      description={t.description}
      actions={
        me.can.proposeSocialAccount ? (
          <Button onClick={() => navigate('/social/propose')}>{t.propose}</Button>
        ) : undefined
      }
      tabs={[
        { id: 'register', label: t.register, content: <Register /> },
        { id: 'trail', label: t.trail, content: <Trail /> },
        { id: 'incidents', label: t.incidents, content: <Incidents /> },
      ]}
    />
  );
}
