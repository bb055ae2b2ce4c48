import Button from '@cloudscape-design/components/button';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import Tabs, { type TabsProps } from '@cloudscape-design/components/tabs';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { strings } from './strings';

/**
 * A workflow's home page: its title, a line on what it is, the page the person may open from there
 * (absent when they may not), and its tabs. The open tab is kept in the address (`?tab=`), so a link
 * or a reload opens the same one; without one, the first tab.
 */
export function TabbedPage(props: {
  readonly title: string;
  readonly description: string;
  /** A button to another page (`to`, a console route). */
  readonly action?: { readonly label: string; readonly to: string; readonly primary?: boolean } | undefined;
  readonly tabs: readonly TabsProps.Tab[];
}) {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const { action } = props;
  const tab = params.get('tab') ?? props.tabs[0]?.id;
  return (
    <ContentLayout
      header={
        <Header
          variant="h1"
          description={props.description}
          actions={
            action ? (
              <Button variant={action.primary ? 'primary' : 'normal'} onClick={() => navigate(action.to)}>
                {action.label}
              </Button>
            ) : undefined
          }
        >
          {props.title}
        </Header>
      }
    >
      <Tabs
        i18nStrings={{ scrollLeftAriaLabel: strings.app.scrollLeft, scrollRightAriaLabel: strings.app.scrollRight }}
        activeTabId={tab}
        onChange={(e) => setParams(new URLSearchParams({ tab: e.detail.activeTabId }), { replace: true })}
        tabs={[...props.tabs]}
      />
    </ContentLayout>
  );
}
