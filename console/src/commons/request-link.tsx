import Link from '@cloudscape-design/components/link';
import { useNavigate } from 'react-router-dom';

/** A request's reference, linking to its page inside the console. */
export const RequestLink = ({ id }: { id: string }) => {
  const navigate = useNavigate();
  return (
    // A reference is read as one word: never broken at its hyphens.
    <span style={{ whiteSpace: 'nowrap' }}>
      <Link href={`/console/requests/${id}`} onFollow={(e) => { e.preventDefault(); navigate(`/requests/${id}`); }}>
        {id}
      </Link>
    </span>
  );
};
