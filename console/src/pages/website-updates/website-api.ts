import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../commons/api';
import { strings } from '../../commons/strings';

export type WebsiteUpdate = Schemas['WebsiteUpdate'];
export type WebsiteStatus = WebsiteUpdate['status'];
/** Every status, in the catalogue's order; the catalogue's labels are checked against the API's enum. */
export const WEBSITE_STATUSES = Object.keys(strings.website.statuses) as readonly WebsiteStatus[];
export const WEBSITE_KINDS = ['news', 'event', 'announcement', 'notification', 'information'] as const;

/**
 * What the signed-in person may do on an update now, as the API lists it (`allowedActions` of
 * `GET /website-updates/{id}`, decided by the policy the commands use): the console keeps no copy of the rules.
 */
export type WebsiteAction = Schemas['WebsiteUpdateDetail']['allowedActions'][number];

export const useWebsiteUpdate = (id: string) =>
  useQuery({
    queryKey: ['website-update', id],
    queryFn: async () => unwrap(await api().GET('/website-updates/{id}', { params: { path: { id } } })),
  });

/** The website screens' words for the file picker. */
export const websiteFileTexts = {
  drop: strings.website.dropFiles,
  choose: strings.website.chooseFiles,
  remove: (index: number) => strings.website.removeFile(index + 1),
};
