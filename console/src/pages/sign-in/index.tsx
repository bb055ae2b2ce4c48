import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Form from '@cloudscape-design/components/form';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Select, { type SelectProps } from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { setToken } from '../../commons/api';
import { signInCognito, signInLocal } from '../../commons/auth';
import { prefetchSignedIn } from '../../commons/me';
import { config } from '../../commons/config';
import { strings } from '../../commons/strings';

const t = strings.signIn;

/** Local: pick a person from the agency's directory. On AWS: Cognito managed login. */
export default function SignIn() {
  const navigate = useNavigate();
  const client = useQueryClient();
  const [params] = useSearchParams();
  const next = params.get('next')?.startsWith('/') ? (params.get('next') as string) : '/';
  const c = config();
  const [chosen, setChosen] = useState<SelectProps.Option | null>(null);
  // While the person chooses, fetch the frame and the work list, so they appear at once after sign-in.
  useEffect(() => {
    void import('../../commons/shell');
    void import('../my-work');
  }, []);
  const options: SelectProps.Option[] =
    c.auth.kind === 'local'
      ? c.auth.people.map((p) => ({
          value: p.id,
          label: p.id,
          description: `${p.name} — ${p.roles.map((r) => strings.roles[r] ?? r).join(', ')}`,
          tags: p.division ? [p.division] : [],
        }))
      : [];
  return (
    <main style={{ maxWidth: 560, margin: '64px auto', padding: '0 16px' }}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (c.auth.kind === 'cognito') return void signInCognito();
          if (!chosen?.value) return;
          signInLocal(chosen.value);
          // Who I am and my first page start now, before the signed-in layout mounts (it joins these requests).
          setToken(`local:${chosen.value}`);
          void prefetchSignedIn(client, next.split('?')[0] ?? '/').catch(() => undefined);
          navigate(next, { replace: true });
        }}
      >
        <Form
          actions={
            <Button variant="primary" formAction="submit" disabled={c.auth.kind === 'local' && !chosen}>
              {c.auth.kind === 'local' ? t.submit : t.cognito}
            </Button>
          }
        >
          <Container
            header={
              <Header
                variant="h1"
                description={c.auth.kind === 'local' ? t.localDescription : undefined}
              >{`${strings.app.name} — ${t.title}`}</Header>
            }
          >
            {c.auth.kind === 'local' ? (
              <SpaceBetween size="m">
                <FormField label={t.person} controlId="person">
                  <Select
                    controlId="person"
                    selectedOption={chosen}
                    onChange={(e) => setChosen(e.detail.selectedOption)}
                    options={options}
                    placeholder={t.choose}
                    filteringType="auto"
                  />
                </FormField>
              </SpaceBetween>
            ) : (
              <Box>{t.cognito}</Box>
            )}
          </Container>
        </Form>
      </form>
    </main>
  );
}
