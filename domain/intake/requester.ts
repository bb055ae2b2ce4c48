import type { Requester } from '../../events/primitives.js';
import { clipText } from '../../events/text.js';

/** `*.gov.bt` matches `moe.gov.bt` and `gov.bt`; a plain domain matches itself. */
export const domainMatches = (domain: string, pattern: string): boolean => {
  const d = domain.toLowerCase();
  const p = pattern.toLowerCase();
  return p.startsWith('*.') ? d === p.slice(2) || d.endsWith(p.slice(1)) : d === p;
};

/** Who wrote: name and address from From, `agency` when the domain is one of the configured agency domains. */
export const requesterFrom = (
  address: string,
  name: string | undefined,
  agencyDomains: readonly string[],
): Requester => {
  const domain = address.split('@')[1] ?? '';
  const cleanName = clipText((name ?? '').replace(/[\r\n\t]+/g, ' ').trim(), 200);
  return {
    name: cleanName || clipText(address, 200),
    email: address.toLowerCase(),
    kind: agencyDomains.some((p) => domainMatches(domain, p)) ? 'agency' : 'public',
  };
};
