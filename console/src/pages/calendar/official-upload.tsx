import Alert from '@cloudscape-design/components/alert';
import Badge from '@cloudscape-design/components/badge';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import FileUpload from '@cloudscape-design/components/file-upload';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import Textarea from '@cloudscape-design/components/textarea';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap, type ApiError, type Schemas } from '../../commons/api';
import { errorLine, fieldErrorsOf } from '../../commons/field-errors';
import { formatBytes, formatDate, formatDateTime } from '../../commons/format';
import { RequestLink } from '../../commons/request-table';
import { strings } from '../../commons/strings';
import { compareLists, readOfficialList, type ListChange, type ParsedList } from './official-list';

const t = strings.holidaysByYear;
const kindColor = { added: 'green', removed: 'red', moved: 'blue', renamed: 'grey' } as const;

/**
 * Admins record the government's official list for a year: from a file or pasted rows, previewed as what
 * changes against the current list, then confirmed; the reply names the open requests whose due dates moved.
 */
export const OfficialUpload = ({ year, current }: { year: number; current: Schemas['HolidaysOfYear'] | undefined }) => {
  const client = useQueryClient();
  const [source, setSource] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [pasted, setPasted] = useState('');
  const [parsed, setParsed] = useState<(ParsedList & { changes: ListChange[] }) | null>(null);
  const [missing, setMissing] = useState<{ source?: string; list?: string }>({});
  const record = useMutation<Schemas['OfficialListRecorded'], ApiError, ParsedList>({
    mutationFn: async (list) =>
      unwrap(
        await api().POST('/calendar/years/{year}/official', {
          params: { path: { year: String(year) } },
          body: { source: source.trim() || (list.source ?? ''), holidays: [...list.holidays] },
        }),
      ),
    onSuccess: async () => {
      setParsed(null);
      await client.invalidateQueries();
    },
  });
  const preview = async () => {
    record.reset();
    const text = files[0] ? await files[0].text() : pasted;
    const list = text.trim() ? await readOfficialList(text, year) : null;
    const next = {
      source: source.trim() || list?.source ? undefined : t.needSource,
      list: list ? undefined : t.needList,
    };
    setMissing(next);
    if (!list) return setParsed(null);
    // Declared holidays stay whatever the list says; the official list replaces the official or provisional ones.
    const before = (current?.holidays ?? []).filter((h) => h.status !== 'declared');
    setParsed({ ...list, changes: list.problems.length ? [] : compareLists(before, list.holidays) });
  };
  const server = fieldErrorsOf(record.error);
  const ready = parsed !== null && parsed.problems.length === 0 && !missing.source;
  return (
    <Container
      header={
        <Header variant="h2" description={t.uploadDescription}>
          {t.upload(year)}
        </Header>
      }
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void preview();
        }}
      >
        <SpaceBetween size="m">
          <FormField label={t.source} description={t.sourceHint} errorText={missing.source ?? server.source}>
            <Input
              value={source}
              onChange={(e) => {
                setSource(e.detail.value);
                setParsed(null);
              }}
              ariaLabel={t.source}
            />
          </FormField>
          <FormField label={t.file} description={t.fileHint} errorText={missing.list ?? server.holidays}>
            <FileUpload
              value={files}
              onChange={(e) => {
                setFiles([...e.detail.value]);
                setParsed(null);
              }}
              accept=".json,.csv,application/json,text/csv,text/plain"
              showFileSize
              i18nStrings={{
                uploadButtonText: () => t.chooseFile,
                dropzoneText: () => t.dropFile,
                removeFileAriaLabel: (_, name) => t.removeFile(name),
                formatFileSize: formatBytes,
              }}
            />
          </FormField>
          {files.length === 0 && (
            <FormField label={t.paste} constraintText="2027-01-02,Winter Solstice (Nyilo)">
              <Textarea
                value={pasted}
                onChange={(e) => {
                  setPasted(e.detail.value);
                  setParsed(null);
                }}
                ariaLabel={t.paste}
                rows={5}
                placeholder={'date,name,region\n2027-01-02,Winter Solstice (Nyilo),'}
              />
            </FormField>
          )}
          <Button formAction="submit">{t.preview}</Button>
          {parsed && parsed.problems.length > 0 && (
            <Alert type="error" header={t.problems}>
              <ul>
                {parsed.problems.slice(0, 20).map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </Alert>
          )}
          {parsed && parsed.problems.length === 0 && (
            <Table
              variant="embedded"
              header={
                <Header variant="h3" counter={`(${parsed.holidays.length})`}>
                  {t.previewTitle(parsed.changes.length)}
                </Header>
              }
              items={parsed.changes}
              trackBy={(c) => `${c.kind}|${c.date}|${c.name}`}
              empty={t.noChanges}
              columnDefinitions={[
                {
                  id: 'kind',
                  header: t.change,
                  cell: (c) => <Badge color={kindColor[c.kind]}>{t.kinds[c.kind]}</Badge>,
                },
                { id: 'date', header: t.date, cell: (c) => formatDate(c.date), isRowHeader: true },
                { id: 'name', header: t.name, cell: (c) => c.name + (c.region ? ` (${c.region})` : '') },
                {
                  id: 'before',
                  header: t.previously,
                  cell: (c) => (c.previousDate ? formatDate(c.previousDate) : (c.previousName ?? '—')),
                },
              ]}
            />
          )}
          {ready && (
            <Button
              variant="primary"
              formAction="none"
              loading={record.isPending}
              onClick={() => record.mutate(parsed)}
            >
              {t.record}
            </Button>
          )}
          {record.error && <Alert type="error">{errorLine(record.error)}</Alert>}
          {record.data && (
            <Alert
              type="success"
              header={
                record.data.recorded ? t.recorded(record.data.holidays, record.data.moved.length) : t.alreadyRecorded
              }
            >
              {record.data.moved.length > 0 && (
                <Table
                  variant="embedded"
                  items={record.data.moved}
                  trackBy="requestId"
                  columnDefinitions={[
                    {
                      id: 'ref',
                      header: t.movedRequest,
                      cell: (m) => <RequestLink id={m.requestId} />,
                      isRowHeader: true,
                    },
                    { id: 'before', header: t.dueBefore, cell: (m) => formatDateTime(m.previousDueAt) },
                    {
                      id: 'now',
                      header: t.dueNow,
                      cell: (m) => <Box fontWeight="bold">{formatDateTime(m.dueAt)}</Box>,
                    },
                  ]}
                />
              )}
            </Alert>
          )}
        </SpaceBetween>
      </form>
    </Container>
  );
};
