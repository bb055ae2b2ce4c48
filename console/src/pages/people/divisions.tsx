import Button from '@cloudscape-design/components/button';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import Table from '@cloudscape-design/components/table';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap, type ApiError, type Schemas } from '../../commons/api';
import { fieldErrorsOf } from '../../commons/field-errors';
import { strings } from '../../commons/strings';
import type { Done } from './forms';
import { FormModal } from './form-modal';
import { divisionErrors, hasErrors } from './validate';

const t = strings.peoplePage;

const AddDivisionModal = ({ onDismiss, done }: { onDismiss: () => void; done: Done }) => {
  const client = useQueryClient();
  const [v, setV] = useState({ id: '', name: '' });
  const [shown, setShown] = useState(false);
  const m = useMutation<Schemas['DivisionChange'], ApiError>({
    mutationFn: async () => unwrap(await api().POST('/divisions', { body: { id: v.id, name: v.name.trim() } })),
    onSuccess: async (r) => {
      await client.invalidateQueries({ queryKey: ['divisions'] });
      done(r.recorded ? t.divisionAdded(v.id) : t.unchanged);
    },
  });
  const local = divisionErrors(v);
  const server = fieldErrorsOf(m.error);
  const err = (k: keyof typeof local) => (shown ? local[k] : undefined) ?? server[k];
  return (
    <FormModal
      header={t.addDivision}
      submit={t.addDivision}
      pending={m.isPending}
      error={m.error}
      onDismiss={onDismiss}
      onSubmit={() => {
        setShown(true);
        if (!hasErrors(local)) m.mutate();
      }}
    >
      <FormField label={t.divisionId} errorText={err('id')}>
        <Input
          value={v.id}
          onChange={(e) => setV({ ...v, id: e.detail.value.trim() })}
          ariaLabel={t.divisionId}
          placeholder="forests"
        />
      </FormField>
      <FormField label={t.divisionName} errorText={err('name')}>
        <Input value={v.name} onChange={(e) => setV({ ...v, name: e.detail.value })} ariaLabel={t.divisionName} />
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
      <Table
        variant="container"
        header={
          <Header
            variant="h2"
            counter={`(${divisions.length})`}
            actions={admin && <Button onClick={() => setAdding(true)}>{t.addDivision}</Button>}
          >
            {t.divisions}
          </Header>
        }
        items={[...divisions]}
        loading={loading}
        loadingText={strings.app.loading}
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
