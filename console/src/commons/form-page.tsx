import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Form from '@cloudscape-design/components/form';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { errorSentence } from './error-sentence';
import { strings } from './strings';

/**
 * A page that is one form: its title and description, the fields in a container, and under it the
 * submit button (with Cancel back to `cancelTo` when given). `error` is the API's refusal, if any, said
 * in a sentence.
 */
export const FormPage = (p: {
  title: string;
  description: string;
  onSubmit: () => void;
  submitText: string;
  submitting: boolean;
  error: unknown;
  cancelTo?: string;
  children: ReactNode;
}) => {
  const navigate = useNavigate();
  const submit = (
    <Button variant="primary" formAction="submit" loading={p.submitting}>
      {p.submitText}
    </Button>
  );
  return (
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
        <Form
          errorText={p.error ? errorSentence(p.error, strings.errors.save) : undefined}
          actions={
            p.cancelTo === undefined ? (
              submit
            ) : (
              <SpaceBetween direction="horizontal" size="xs">
                <Button formAction="none" variant="link" onClick={() => navigate(p.cancelTo as string)}>
                  {strings.app.cancel}
                </Button>
                {submit}
              </SpaceBetween>
            )
          }
        >
          <Container>
            <SpaceBetween size="m">{p.children}</SpaceBetween>
          </Container>
        </Form>
      </form>
    </ContentLayout>
  );
};
