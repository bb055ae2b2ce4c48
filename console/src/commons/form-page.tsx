import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { errorSentence } from './error-sentence';
import { strings } from './strings';
import { SubmitForm } from './submit-form';

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
  return (
    <ContentLayout
      header={
        <Header variant="h1" description={p.description}>
          {p.title}
        </Header>
      }
    >
      <SubmitForm
        onSubmit={p.onSubmit}
        submitText={p.submitText}
        busy={p.submitting}
        errorText={p.error ? errorSentence(p.error, strings.errors.save) : undefined}
        onCancel={p.cancelTo === undefined ? undefined : () => navigate(p.cancelTo as string)}
      >
        <Container>
          <SpaceBetween size="m">{p.children}</SpaceBetween>
        </Container>
      </SubmitForm>
    </ContentLayout>
  );
};
