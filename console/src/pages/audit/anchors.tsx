import { useCollection } from '@cloudscape-design/collection-hooks';
import Box from '@cloudscape-design/components/box';
import Pagination from '@cloudscape-design/components/pagination';
import type { UseQueryResult } from '@tanstack/react-query';
import type { Schemas } from '../../commons/api';
import { formatDateTime } from '../../commons/format';
import { ContainerTable } from '../../commons/container-table';
import { strings } from '../../commons/strings';
import { errorSentence } from '../../commons/error-sentence';

const t = strings.evidence;
type Anchor = Schemas['AnchorList']['anchors'][number];

/** Every anchor, newest first, with the key that signed them (GET /anchors is public: anyone may mirror it). */
export const Anchors = ({ list }: { list: UseQueryResult<Schemas['AnchorList'], Error> }) => {
  const newestFirst = [...(list.data?.anchors ?? [])].reverse();
  const { items, paginationProps } = useCollection(newestFirst, { pagination: { pageSize: 10 } });
  return (
    <ContainerTable
      title={t.anchors}
      count={newestFirst.length}
      header={{
        description: list.data?.publicKey
          ? `${t.anchorsDescription} ${t.publicKey(list.data.publicKey.keyId)}`
          : t.anchorsDescription,
      }}
      items={items}
      loading={list.isPending}
      trackBy="sequence"
      empty={list.isError ? errorSentence(list.error, strings.errors.loadList) : t.noAnchors}
      pagination={<Pagination {...paginationProps} ariaLabels={strings.peoplePage.pages} />}
      columnDefinitions={[
        { id: 'sequence', header: t.sequence, cell: (a: Anchor) => `#${a.sequence}`, isRowHeader: true },
        { id: 'at', header: t.anchoredAt, cell: (a: Anchor) => formatDateTime(a.anchoredAt) },
        { id: 'size', header: t.treeSize, cell: (a: Anchor) => String(a.treeSize) },
        { id: 'root', header: t.root, cell: (a: Anchor) => <Box variant="code">{`${a.root.slice(0, 24)}…`}</Box> },
        { id: 'key', header: t.keyId, cell: (a: Anchor) => <Box variant="code">{`${a.keyId.slice(0, 16)}…`}</Box> },
      ]}
    />
  );
};
