import Button from '@cloudscape-design/components/button';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import { useState } from 'react';
import { api, unwrap, type Schemas } from '../../commons/api';
import { ContainerTable } from '../../commons/container-table';
import { strings } from '../../commons/strings';
import { useModalForm } from '../../commons/use-modal-form';
import type { Done } from './forms';
import { FormModal } from '../../commons/form-modal';
import { divisionErrors } from './validate';

const t = strings.peoplePage;

const AddDivisionModal = ({ onDismiss, done }: { onDismiss: () => void; done: Done }) => {
  const { v, set, err, modal } = useModalForm({
    initial: { id: '', name: '' },
    check: divisionErrors,
    refresh: ['divisions'],
    send: async (v) => unwrap(await api().POST('/divisions', { body: { id: v.id, name: v.name.trim() } })),
    done: (r, v) => done(r.recorded ? t.divisionAdded(v.id) : t.unchanged),
  });
  return (
    <FormModal header={t.addDivision} submit={t.addDivision} onDismiss={onDismiss} {...modal}>
      <FormField label={t.divisionId} errorText={err('id')}>
        <Input
          value={v.id}
          onChange={(e) => set({ id: e.detail.value.trim() })}
          ariaLabel={t.divisionId}
          placeholder="forests"
        />
      </FormField>
      <FormField label={t.divisionName} errorText={err('name')}>
        <Input value={v.name} onChange={(e) => set({ name: e.detail.value })} ariaLabel={t.divisionName} />
      </FormField>
    </FormModal>
  );
};

/** The agency's divisions; admins add one. */
export const Divisions = ({
  divisions,
  loading,
  admin,
  done,
}: {
  divisions: readonly Schemas['Division'][];
  loading: boolean;
  admin: boolean;
  done: Done;
}) => {
  const [adding, setAdding] = useState(false);
  return (
    <>
      <ContainerTable
        title={t.divisions}
        header={{ actions: admin && <Button onClick={() => setAdding(true)}>{t.addDivision}</Button> }}
        items={[...divisions]}
        loading={loading}
        trackBy="id"
        columnDefinitions={[
          { id: 'id', header: t.divisionId, cell: (d) => d.id, isRowHeader: true },
          { id: 'name', header: t.divisionName, cell: (d) => d.name },
        ]}
      />
      {adding && (
        <AddDivisionModal
          onDismiss={() => setAdding(false)}
          done={(msg) => {
            setAdding(false);
            done(msg);
          }}
        />
      )}
    </>
  );
};
