import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Form from '@cloudscape-design/components/form';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { ReactNode } from 'react';
import { errorLine } from './field-errors';
import { strings } from './strings';
import { SubmitForm } from './submit-form';

interface ModalProps {
  header: string;
  /** The primary button's label. */
  submit: string;
  pending: boolean;
  onSubmit: () => void;
  onDismiss: () => void;
  children: ReactNode;
}

/** A modal asking to confirm one thing: Cancel and the primary button in its footer. */
export const ConfirmModal = (props: ModalProps) => (
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
    {props.children}
  </Modal>
);

/**
 * A form in a modal: submit with Enter or the primary button, cancel with Escape. `error` is the API's
 * refusal; field-level messages are shown by the caller beside each field.
 */
export const FormModal = (props: ModalProps & { error: unknown }) => (
  <ConfirmModal {...props}>
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
  </ConfirmModal>
);

/**
 * A form in a modal whose buttons sit under its fields: Cancel, and the primary one named as the modal
 * (`title`). `errorText` is the refusal to show on the form.
 */
export const ActionModal = (p: {
  title: string;
  onCancel: () => void;
  onSubmit: () => void;
  busy: boolean;
  errorText?: string | undefined;
  children: ReactNode;
  size?: 'medium' | 'large';
}) => (
  <Modal visible header={p.title} onDismiss={p.onCancel} size={p.size ?? 'medium'} closeAriaLabel={strings.app.close}>
    <SubmitForm onSubmit={p.onSubmit} submitText={p.title} busy={p.busy} errorText={p.errorText} onCancel={p.onCancel}>
      <SpaceBetween size="m">{p.children}</SpaceBetween>
    </SubmitForm>
  </Modal>
);
