import Header, { type HeaderProps } from '@cloudscape-design/components/header';
import Table, { type TableProps } from '@cloudscape-design/components/table';
import { strings } from './strings';

/**
 * A table in its own container, headed by its `title` and how many rows it has (`count`, by default its
 * items'); `header` adds the header's description, info or actions.
 */
export const ContainerTable = <T,>({
  title,
  count,
  header,
  ...table
}: Omit<TableProps<T>, 'variant' | 'header' | 'loadingText'> & {
  title: string;
  count?: number;
  header?: Omit<HeaderProps, 'variant' | 'counter' | 'children'>;
}) => (
  <Table
    variant="container"
    loadingText={strings.app.loading}
    header={
      <Header variant="h2" counter={`(${count ?? table.items.length})`} {...header}>
        {title}
      </Header>
    }
    {...table}
  />
);
