import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { formatDateTime } from '../../commons/format';
import { slaLook } from '../../commons/sla';
import { strings } from '../../commons/strings';
import type { WebsiteUpdate } from './website-api';

/** One clock's SLA status as a status indicator. */
export const SlaIndicator = ({ status }: { status: string | null }) =>
  status === null ? (
    <>—</>
  ) : (
    <StatusIndicator type={slaLook[status] ?? 'info'}>{strings.sla[status] ?? status}</StatusIndicator>
  );

/** The clock that runs now (whose and when due), or the one that counted last. */
export const CurrentDue = ({ update }: { update: WebsiteUpdate }) =>
  update.clock ? (
    <span>
      {formatDateTime(update.clock.dueAt)}
      <br />
      <small>{strings.website.clocks[update.clock.kind]}</small>
    </span>
  ) : (
    <span>{strings.website.noClock}</span>
  );
