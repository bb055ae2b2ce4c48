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
  return (
    <TabbedPage
      title={t.title}
      description={t.description}
      action={me.can.proposeSocialAccount ? { label: t.propose, to: '/social/propose' } : undefined}
      tabs={[
        { id: 'register', label: t.register, content: <Register /> },
        { id: 'trail', label: t.trail, content: <Trail /> },
        { id: 'incidents', label: t.incidents, content: <Incidents /> },
      ]}
    />
  );
}
