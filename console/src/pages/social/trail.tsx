import Button from '@cloudscape-design/components/button';
import DatePicker from '@cloudscape-design/components/date-picker';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { useState } from 'react';
import { download } from '../../commons/api';
import { formatDateTime } from '../../commons/format';
import { strings } from '../../commons/strings';
import { accountName, useAccounts, useTrail, type TrailQuery } from './social-api';
import { useNames } from '../request/names';

const t = strings.social;

/** The start of a local day in the agency's zone (Bhutan: +06:00, no daylight saving). */
const startOf = (date: string) => `${date}T00:00:00+06:00`;

/** The record trail: what the accounts shared and took down, filtered by account and period, with its CSV. */
export const Trail = () => {
  const accounts = useAccounts().data?.items ?? [];
  const names = useNames();
  const [account, setAccount] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const query: TrailQuery = {
    ...(account ? { account } : {}),
    ...(from ? { from: startOf(from) } : {}),
    // `to` is the last day shown: the trail's `to` is exclusive, so the next day's start.
    ...(to ? { to: startOf(new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)) } : {}),
  };
  const q = useTrail(query);
  const items = q.data?.items ?? [];
  const options = [
    { value: '', label: t.allAccounts },
    ...accounts.map((a) => ({ value: a.id, label: accountName(a, t.platforms) })),
  ];
  const csvPath = `/social/posts?${new URLSearchParams({ ...query, format: 'csv' }).toString()}`;
  return (
    <SpaceBetween size="m">
      <SpaceBetween direction="horizontal" size="m">
        <FormField label={t.account}>
          <Select
            selectedOption={options.find((o) => o.value === account) ?? options[0] ?? null}
            options={options}
            onChange={(e) => setAccount(e.detail.selectedOption.value ?? '')}
          />
        </FormField>
        <FormField label={t.from}>
          <DatePicker
            value={from}
            onChange={(e) => setFrom(e.detail.value)}
            ariaLabel={t.from}
            openCalendarAriaLabel={() => t.from}
            placeholder="YYYY/MM/DD"
          />
        </FormField>
        <FormField label={t.to}>
          <DatePicker
            value={to}
            onChange={(e) => setTo(e.detail.value)}
            ariaLabel={t.to}
            openCalendarAriaLabel={() => t.to}
            placeholder="YYYY/MM/DD"
          />
        </FormField>
      </SpaceBetween>
      <Table
        header={
          <Header
            counter={q.data ? `(${items.length})` : undefined}
            actions={
              <Button iconName="download" onClick={() => void download(csvPath, 'social-media-trail.csv')}>
                {t.csv}
              </Button>
            }
          >
            {t.trail}
          </Header>
        }
        loading={q.isLoading}
        loadingText={strings.app.loading}
        items={items}
        empty={t.noPosts}
        wrapLines
        columnDefinitions={[
          // What was shared comes first after its time: on a phone it is what fits on the screen.
          {
            id: 'text',
            header: t.text,
            minWidth: 220,
            cell: (p) => (p.reason ? `${p.text} — ${t.reason}: ${p.reason}` : p.text),
          },
          { id: 'publishedAt', header: t.publishedAt, cell: (p) => formatDateTime(p.publishedAt) },
          { id: 'kind', header: t.kind, cell: (p) => t.kinds[p.kind] ?? p.kind },
          { id: 'account', header: t.account, cell: (p) => accountName(p, t.platforms) },
          { id: 'recordedBy', header: t.recordedBy, cell: (p) => names.person(p.recordedBy) },
        ]}
      />
    </SpaceBetween>
  );
};
