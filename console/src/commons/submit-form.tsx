import Button from '@cloudscape-design/components/button';
import Form from '@cloudscape-design/components/form';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { ReactNode } from 'react';
import { strings } from './strings';

/**
 * A form sent by its primary button or by Enter in a field, without the browser's own validation (the
 * fields say what is wrong, beside themselves), its buttons under the fields: Cancel, when there is
 * somewhere to go back to, then the primary one. `errorText` is the refusal to show on the form.
 */
export const SubmitForm = (p: {
  onSubmit: () => void;
  submitText: string;
  busy: boolean;
  errorText?: string | undefined;
  onCancel?: (() => void) | undefined;
  children: ReactNode;
}) => {
  const submit = (
    <Button variant="primary" formAction="submit" loading={p.busy}>
      {p.submitText}
    </Button>
  );
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        p.onSubmit();
      }}
      noValidate
    >
      <Form
        errorText={p.errorText}
        actions={
          p.onCancel ? (
            <SpaceBetween direction="horizontal" size="xs">
              <Button formAction="none" variant="link" onClick={p.onCancel}>
                {strings.app.cancel}
              </Button>
              {submit}
            </SpaceBetween>
          ) : (
            submit
          )
        }
      >
        {p.children}
      </Form>
    </form>
  );
};
