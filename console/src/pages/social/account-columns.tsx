import type { TableProps } from '@cloudscape-design/components/table';
import { ConsoleLink } from '../../commons/request-link';
import { strings } from '../../commons/strings';
import { accountName, type SocialAccount } from './social-api';
import { AccountStatus } from './status';

const t = strings.social;

/** The columns a list of accounts starts with: the account, linking to its page, and where it is in its life cycle. */
export const accountColumns: TableProps.ColumnDefinition<SocialAccount>[] = [
  {
    id: 'account',
    header: t.account,
    cell: (a) => <ConsoleLink to={`/social/accounts/${a.id}`}>{accountName(a, t.platforms)}</ConsoleLink>,
  },
  { id: 'status', header: t.status, cell: (a) => <AccountStatus status={a.status} /> },
];
