import Button from '@cloudscape-design/components/button';
import Form from '@cloudscape-design/components/form';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { ReactNode } from 'react';
import type { ApiError } from '../../commons/api';
import { strings } from '../../commons/strings';

/** The request page's check of a required text field, as the API checks it: present and within `max`. */
export const required = (v: string, max: number) =>
  !v.trim() ? strings.actions.required : v.length > max ? strings.actions.tooLong(max) : undefined;

/** A modal form whose submit runs the command; API errors other than 412 stay on the form (a 412 goes to the page). */
export const ActionForm = (p: {
  title: string;
  onCancel: () => void;
  onSubmit: () => void;
  busy: boolean;
  error?: ApiError | null;
  children: ReactNode;
  size?: 'medium' | 'large';
}) => (
  <Modal visible header={p.title} onDismiss={p.onCancel} size={p.size ?? 'medium'} closeAriaLabel={strings.app.close}>
    <form
      onSubmit={(e) => {
        e.preventDefault();
        p.onSubmit();
      }}
      noValidate
    >
      <Form
        errorText={p.error && p.error.status !== 412 ? p.error.message : undefined}
        actions={
          <SpaceBetween direction="horizontal" size="xs">
            <Button formAction="none" variant="link" onClick={p.onCancel}>
              {strings.app.cancel}
            </Button>
            <Button variant="primary" formAction="submit" loading={p.busy}>
              {p.title}
            </Button>
          </SpaceBetween>
        }
      >
        <SpaceBetween size="m">{p.children}</SpaceBetween>
      </Form>
    </form>
  </Modal>
);
