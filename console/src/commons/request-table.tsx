import Box from '@cloudscape-design/components/box';
import CollectionPreferences from '@cloudscape-design/components/collection-preferences';
import Pagination from '@cloudscape-design/components/pagination';
import Table from '@cloudscape-design/components/table';
import TextFilter from '@cloudscape-design/components/text-filter';
import { useEffect, useState, type ReactNode } from 'react';
import { useDivisions } from './divisions';
import { errorSentence } from './error-sentence';
import { requestColumnsFor, useColumnPreferences, type ColumnContext } from './request-columns';
import type { PagedRequests } from './request-pages';
import { strings } from './strings';
import { useNarrow } from './use-narrow';

export { RequestLink } from './request-link';

/**
 * Requests in a Cloudscape table, one page of the API at a time (soonest due first, as the API orders
 * them), with open-ended pagination and, when `search` is given, a search box whose text goes to the
 * API's `q` once the person pauses typing.
 */
export const RequestTable = (props: {
  paged: PagedRequests;
  header: ReactNode;
  empty: string;
  search?: { text: string; onChange: (text: string) => void };
  filters?: ReactNode;
  variant?: 'full-page' | 'container';
  /** Names the table for assistive technology when a page has more than one. */
  label?: string;
  /** Where a reference leads: the request's page (default) or, for the auditor, its audit view. */
  linkTo?: ColumnContext['linkTo'];
}) => {
  const { paged, search } = props;
  const narrow = useNarrow();
  const { nameOf } = useDivisions();
  const { contentDisplay, preferences } = useColumnPreferences();
  // What is typed shows at once; the URL (and the query) follow when typing pauses.
  const [typed, setTyped] = useState(search?.text ?? '');
  useEffect(() => setTyped(search?.text ?? ''), [search?.text]);
  const failed = paged.error ? errorSentence(paged.error, strings.errors.loadRequests) : undefined;
  return (
    <Table
      items={[...paged.items]}
      columnDefinitions={requestColumnsFor({ linkTo: props.linkTo ?? 'request', narrow, divisionName: nameOf })}
      columnDisplay={contentDisplay}
      stickyColumns={{ first: 1 }}
      loading={paged.loading}
      loadingText={strings.app.loading}
      header={props.header}
      variant={props.variant ?? 'container'}
      wrapLines
      ariaLabels={props.label ? { tableLabel: props.label } : undefined}
      empty={
        <Box textAlign="center" color={failed ? 'text-status-error' : 'inherit'}>
          {failed ?? (search?.text ? strings.requests.empty : props.empty)}
        </Box>
      }
      filter={
        search || props.filters ? (
          <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap', alignItems: 'flex-end' }}>
            {search && (
              <div style={{ flex: '1 1 280px', maxWidth: 480 }}>
                <TextFilter
                  filteringText={typed}
                  onChange={(e) => setTyped(e.detail.filteringText)}
                  onDelayedChange={(e) => search.onChange(e.detail.filteringText.trim())}
                  filteringPlaceholder={strings.fields.searchPlaceholder}
                  filteringAriaLabel={strings.fields.search}
                  filteringClearAriaLabel={strings.fields.clearSearch}
                  countText={
                    search.text && !paged.loading ? strings.requests.count(paged.loadedCount, paged.more) : undefined
                  }
                />
              </div>
            )}
            {props.filters}
          </div>
        ) : undefined
      }
      pagination={<Pagination {...paged.pagination} ariaLabels={strings.requests.pagination} />}
      preferences={<CollectionPreferences {...preferences} />}
    />
  );
};
