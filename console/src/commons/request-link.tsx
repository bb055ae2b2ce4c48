import Link from '@cloudscape-design/components/link';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';

/** A link to a page of the console (`to`, e.g. `/requests/NECS-2026-00001`) that moves there without a reload. */
export const ConsoleLink = ({ to, children }: { to: string; children: ReactNode }) => {
  const navigate = useNavigate();
  return (
    <Link
      href={`/console${to}`}
      onFollow={(e) => {
        e.preventDefault();
        navigate(to);
      }}
    >
      {children}
    </Link>
  );
};

/** A reference is read as one word: never broken at its hyphens. */
const Reference = ({ to, id }: { to: string; id: string }) => (
  <span style={{ whiteSpace: 'nowrap' }}>
    <ConsoleLink to={to}>{id}</ConsoleLink>
  </span>
);

/** A request's reference, linking to its page inside the console. */
export const RequestLink = ({ id }: { id: string }) => <Reference to={`/requests/${id}`} id={id} />;

/** A request's reference, linking to its audit view (history, verification): what the auditor opens. */
export const AuditLink = ({ id }: { id: string }) => <Reference to={`/audit/${id}`} id={id} />;
