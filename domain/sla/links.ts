/** Where a staff mail points: an item's page in the staff console, by its workflow's kind (a request when absent). */
export type LinkFor = (itemId: string, kind?: string) => string;

/**
 * Links into the staff console at `consoleUrl`: the item's page under its workflow's console path
 * (`pages[kind]`, from the workflow registry: `requests`, `website-updates`, …), so that an ICT officer's
 * digest opens the update and not a request that does not exist. Without pages (mail that only ever
 * names requests), or for a kind without a page, it links to requests.
 */
export const consoleLinks =
  (consoleUrl: string, pages: Readonly<Record<string, string>> = {}): LinkFor =>
  (itemId, kind = 'request') =>
    `${consoleUrl.replace(/\/+$/, '')}/${pages[kind] ?? 'requests'}/${encodeURIComponent(itemId)}`;
