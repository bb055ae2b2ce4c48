import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Cards from '@cloudscape-design/components/cards';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Flashbar from '@cloudscape-design/components/flashbar';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Textarea from '@cloudscape-design/components/textarea';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap, type ApiError, type Schemas } from '../../commons/api';
import { errorSentence } from '../../commons/error-sentence';
import { formatDateTime } from '../../commons/format';
import { RequestLink } from '../../commons/request-table';
import { ActionModal } from '../../commons/form-modal';
import { strings } from '../../commons/strings';
import { useFlash } from '../../commons/use-flash';
import { MailFiles, MailText } from './mail-content';
import { reasonInWords } from './reasons';

const t = strings.holdingPen;
type Held = Schemas['HeldMailPage']['items'][number];
type Decision = { kind: 'attach'; requestId: string } | { kind: 'promote' } | { kind: 'discard'; reason: string };
const REF = /^[A-Z][A-Z0-9]{1,9}-\d{4}-\d{5}$/;

/** What went wrong with a decision, in words that never suggest another request to pick. */
const decisionError = (error: ApiError, decision: Decision | undefined): string => {
  if (decision?.kind === 'attach' && (error.status === 404 || error.code === 'REQUEST_NOT_FOUND'))
    return t.noSuchRequest(decision.requestId);
  if (decision?.kind === 'attach' && error.status === 409 && /clos|archiv/i.test(error.message))
    return t.closedRequest(decision.requestId);
  return errorSentence(
    error,
    decision?.kind === 'attach'
      ? t.attachFailed
      : decision?.kind === 'promote'
        ? t.promote.toLowerCase()
        : t.discard.toLowerCase(),
  );
};

/** Who sent it: name and address, or the From line as written when no address could be read from it. */
const sender = (mail: Held) => {
  if (mail.from) return `${mail.fromName ? `${mail.fromName} ` : ''}<${mail.from}>`;
  return mail.fromHeader ? (
    <SpaceBetween size="xxs">
      <Box variant="small" color="text-status-warning">
        {t.unparsed}
      </Box>
      <Box variant="code">{mail.fromHeader}</Box>
    </SpaceBetween>
  ) : (
    <Box color="text-status-warning">{t.unparsedEmpty}</Box>
  );
};

/**
 * Mail that could not be placed: for each, who sent it, why it is held, its text and files, and the
 * decision — attach it (to the request it names, filled in), promote it to a request, or discard it.
 */
export default function HoldingPen() {
  const client = useQueryClient();
  const [dialog, setDialog] = useState<{ mail: Held; kind: 'attach' | 'discard' } | null>(null);
  const [value, setValue] = useState('');
  const [shown, setShown] = useState(false);
  const flash = useFlash();
  // Mail arrives without anyone here acting: the pen reads itself again while it is open.
  const q = useQuery({
    queryKey: ['holding-pen'],
    queryFn: async () => unwrap(await api().GET('/holding-pen', {})),
    refetchInterval: 15_000,
  });
  const m = useMutation<{ requestId?: string; status: string }, ApiError, { mail: Held; decision: Decision }>({
    mutationFn: async ({ mail, decision }) => {
      const params = { path: { id: mail.id } };
      if (decision.kind === 'attach')
        return unwrap(
          await api().POST('/holding-pen/{id}/attach', { params, body: { requestId: decision.requestId } }),
        );
      if (decision.kind === 'promote')
        return unwrap(await api().POST('/holding-pen/{id}/promote', { params, body: {} }));
      return unwrap(await api().POST('/holding-pen/{id}/discard', { params, body: { reason: decision.reason } }));
    },
    onSuccess: async (r, { mail }) => {
      setDialog(null);
      // The pen's list is a projection that catches up a moment later: drop the decided mail now.
      client.setQueryData<{ items: Held[]; count: number }>(['holding-pen'], (old) =>
        old ? { ...old, items: old.items.filter((x) => x.id !== mail.id) } : old,
      );
      flash.show(
        <>
          {t.done(r.status)} {r.requestId && <RequestLink id={r.requestId} />}
        </>,
      );
      await client.invalidateQueries({ queryKey: ['requests'] });
    },
    onError: (error, { decision }) => {
      // A promotion has no dialog: its failure shows above the cards.
      if (decision.kind === 'promote') flash.show(decisionError(error, decision), 'error');
    },
  });
  const open = (mail: Held, kind: 'attach' | 'discard') => {
    // Attach starts from the request the mail itself names, when it names one.
    setValue(kind === 'attach' ? (mail.candidateRequestId ?? '') : '');
    setShown(false);
    m.reset();
    setDialog({ mail, kind });
  };
  const error =
    dialog?.kind === 'attach'
      ? REF.test(value.trim())
        ? undefined
        : t.refNeeded
      : value.trim()
        ? undefined
        : strings.actions.required;
  const items = q.data?.items ?? [];
  return (
    <ContentLayout
      header={
        <Header variant="h1" description={t.description} counter={q.data ? `(${items.length})` : undefined}>
          {t.title}
        </Header>
      }
    >
      <SpaceBetween size="l">
        <Flashbar items={flash.items} />
        <Cards
          loading={q.isPending}
          loadingText={strings.app.loading}
          items={items}
          empty={
            <Box textAlign="center" color={q.isError ? 'text-status-error' : 'inherit'}>
              {q.isError ? errorSentence(q.error, strings.errors.loadMail) : t.empty}
            </Box>
          }
          cardsPerRow={[{ cards: 1 }, { minWidth: 900, cards: 2 }]}
          ariaLabels={{ itemSelectionLabel: () => '', selectionGroupLabel: '' }}
          cardDefinition={{
            header: (mail) => <span>{mail.subject || t.noSubject}</span>,
            sections: [
              { id: 'from', header: t.from, content: sender },
              { id: 'received', header: strings.fields.received, content: (mail) => formatDateTime(mail.receivedAt) },
              {
                id: 'reason',
                header: t.reason,
                content: (mail) => reasonInWords(mail.reason, mail.candidateRequestId),
              },
              { id: 'text', header: t.text, content: (mail) => <MailText id={mail.id} /> },
              {
                id: 'files',
                header: t.attachments,
                content: (mail) => (
                  <MailFiles id={mail.id} attachments={mail.attachments} quarantined={mail.quarantined ?? []} />
                ),
              },
              {
                id: 'actions',
                content: (mail) => (
                  <SpaceBetween direction="horizontal" size="xs">
                    <Button onClick={() => open(mail, 'attach')} ariaLabel={`${t.attach}: ${mail.subject}`}>
                      {t.attach}
                    </Button>
                    <Button
                      onClick={() => m.mutate({ mail, decision: { kind: 'promote' } })}
                      disabled={!mail.from}
                      ariaLabel={`${t.promote}: ${mail.subject}`}
                    >
                      {t.promote}
                    </Button>
                    <Button onClick={() => open(mail, 'discard')} ariaLabel={`${t.discard}: ${mail.subject}`}>
                      {t.discard}
                    </Button>
                  </SpaceBetween>
                ),
              },
            ],
          }}
        />
      </SpaceBetween>
      {dialog && (
        <ActionModal
          title={dialog.kind === 'attach' ? t.attach : t.discard}
          onCancel={() => setDialog(null)}
          busy={m.isPending}
          errorText={m.error ? decisionError(m.error, m.variables?.decision) : undefined}
          onSubmit={() => {
            setShown(true);
            if (!error)
              m.mutate({
                mail: dialog.mail,
                decision:
                  dialog.kind === 'attach'
                    ? { kind: 'attach', requestId: value.trim() }
                    : { kind: 'discard', reason: value.trim() },
              });
          }}
        >
          <Box variant="p">{dialog.mail.subject || t.noSubject}</Box>
          {dialog.kind === 'attach' ? (
            <FormField label={t.requestRef} description={t.refHint} errorText={shown ? error : undefined}>
              <Input value={value} onChange={(e) => setValue(e.detail.value)} ariaLabel={t.requestRef} />
            </FormField>
          ) : (
            <FormField label={t.discardReason} errorText={shown ? error : undefined}>
              <Textarea value={value} onChange={(e) => setValue(e.detail.value)} ariaLabel={t.discardReason} />
            </FormField>
          )}
        </ActionModal>
      )}
    </ContentLayout>
  );
}
