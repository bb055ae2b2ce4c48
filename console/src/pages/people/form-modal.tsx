import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Form from '@cloudscape-design/components/form';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { ReactNode } from 'react';
import { errorLine } from '../../commons/field-errors';
import { strings } from '../../commons/strings';

/**
 * A form in a modal: submit with Enter or the primary button, cancel with Escape. `error` is the API's
 * refusal; field-level messages are shown by the caller beside each field.
 */
export const FormModal = (props: {
  header: string;
  submit: string;
  pending: boolean;
  error: unknown;
  onSubmit: () => void;
  onDismiss: () => void;
  children: ReactNode;
}) => (
  <Modal
    visible
    header={props.header}
    onDismiss={props.onDismiss}
    closeAriaLabel={strings.app.close}
    footer={
      <Box float="right">
        <SpaceBetween direction="horizontal" size="xs">
          <Button variant="link" onClick={props.onDismiss}>
            {strings.app.cancel}
          </Button>
          <Button variant="primary" loading={props.pending} onClick={props.onSubmit}>
            {props.submit}
          </Button>
        </SpaceBetween>
      </Box>
    }
  >
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit();
      }}
    >
      <Form>
        <SpaceBetween size="m">
          {props.error !== null && props.error !== undefined && <Alert type="error">{errorLine(props.error)}</Alert>}
          {props.children}
          {/* Enter in a text field submits the form. */}
          <button type="submit" hidden aria-hidden="true" tabIndex={-1} />
        </SpaceBetween>
      </Form>
    </form>
  </Modal>
);
