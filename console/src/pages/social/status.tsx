import StatusIndicator, { type StatusIndicatorProps } from '@cloudscape-design/components/status-indicator';
import { strings } from '../../commons/strings';

const t = strings.social;
const TYPES: Record<string, StatusIndicatorProps.Type> = {
  proposed: 'pending',
  approved: 'info',
  active: 'success',
  retired: 'stopped',
};

/** An account's place in its life cycle (proposed → approved → active → retired), as a badge. */
export const AccountStatus = ({ status }: { status: string }) => (
  <StatusIndicator type={TYPES[status] ?? 'info'}>{t.statuses[status] ?? status}</StatusIndicator>
);

const SEVERITY: Record<string, StatusIndicatorProps.Type> = {
  low: 'info',
  medium: 'warning',
  high: 'error',
  critical: 'error',
};

export const Severity = ({ severity }: { severity: string }) => (
  <StatusIndicator type={SEVERITY[severity] ?? 'info'}>{t.severities[severity] ?? severity}</StatusIndicator>
);
