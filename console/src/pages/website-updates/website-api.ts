import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../commons/api';
import type { Me } from '../../commons/auth';
import { hasRole } from '../../commons/session';

export type WebsiteUpdate = Schemas['WebsiteUpdate'];
export type WebsiteStatus = WebsiteUpdate['status'];
export const WEBSITE_STATUSES: readonly WebsiteStatus[] = [
  'submitted',
  'returned',
  'complete',
  'published',
  'withdrawn',
];
export const WEBSITE_KINDS = ['news', 'event', 'announcement', 'notification', 'information'] as const;
/** The division that keeps the website (the API's `ict`). */
export const ICT = 'ict';

export type WebsiteAction = 'complete' | 'return' | 'resubmit' | 'published' | 'withdraw';

/** Staff of a division (who submit and resubmit their division's updates), as the API's policy has it. */
const divisionStaff = (me: Me) =>
  me.division !== null && hasRole(me, 'division_officer', 'division_chief', 'intake_officer');

/** Whether the person may give ICT services a new update (staff of a division). */
export const canSubmit = divisionStaff;

/** The actions the API would accept from this person on this update now (it still has the last word). */
export const websiteActions = (me: Me, u: WebsiteUpdate): WebsiteAction[] => {
  const ict = divisionStaff(me) && me.division === ICT;
  const owner = divisionStaff(me) && me.division === u.division;
  const list: WebsiteAction[] = [];
  if (ict && u.status === 'submitted') list.push('complete');
  if (ict && (u.status === 'submitted' || u.status === 'complete')) list.push('return');
  if (ict && u.status === 'complete') list.push('published');
  if (owner && u.status === 'returned') list.push('resubmit');
  if (owner && ['submitted', 'returned', 'complete'].includes(u.status)) list.push('withdraw');
  return list;
};

export const useWebsiteUpdate = (id: string) =>
  useQuery({
    queryKey: ['website-update', id],
    queryFn: async () => unwrap(await api().GET('/website-updates/{id}', { params: { path: { id } } })),
  });

/** A file as the API takes it: name, type and bytes in base64. */
export const toUpload = async (file: File) => {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { filename: file.name, contentType: file.type || 'application/octet-stream', contentBase64: btoa(binary) };
};
