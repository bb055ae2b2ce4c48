import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Form from '@cloudscape-design/components/form';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { ReactNode } from 'react';

/** A page that is one form: its title and description, the fields in a container, the buttons under it. */
export const FormPage = (p: {
  title: string;
  description: string;
  onSubmit: () => void;
  errorText: string | undefined;
  actions: ReactNode;
  children: ReactNode;
}) => (
  <ContentLayout
    header={
      <Header variant="h1" description={p.description}>
        {p.title}
      </Header>
    }
  >
    <form
      onSubmit={(e) => {
        e.preventDefault();
        p.onSubmit();
      }}
      noValidate
    >
      <Form errorText={p.errorText} actions={p.actions}>
        <Container>
          <SpaceBetween size="m">{p.children}</SpaceBetween>
        </Container>
      </Form>
    </form>
  </ContentLayout>
);
