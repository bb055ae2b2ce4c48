import Link from '@cloudscape-design/components/link';
import { useNavigate } from 'react-router-dom';

/** A request's reference, linking to its page inside the console. */
export const RequestLink = ({ id }: { id: string }) => {
  const navigate = useNavigate();
  return (
    // A reference is read as one word: never broken at its hyphens.
    <span style={{ whiteSpace: 'nowrap' }}>
      <Link
        href={`/console/requests/${id}`}
        onFollow={(e) => {
          e.preventDefault();
          navigate(`/requests/${id}`);
        }}
      >
        {id}
      </Link>
    </span>
  );
};

/** A request's reference, linking to its audit view (history, verification): what the auditor opens. */
export const AuditLink = ({ id }: { id: string }) => {
  const navigate = useNavigate();
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      <Link
        href={`/console/audit/${id}`}
        onFollow={(e) => {
          e.preventDefault();
          navigate(`/audit/${id}`);
        }}
      >
        {id}
      </Link>
    </span>
  );
};
