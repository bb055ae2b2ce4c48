import Box from '@cloudscape-design/components/box';
import FileDropzone from '@cloudscape-design/components/file-dropzone';
import FileInput from '@cloudscape-design/components/file-input';
import FileTokenGroup from '@cloudscape-design/components/file-token-group';
import SpaceBetween from '@cloudscape-design/components/space-between';

/** The largest file the API takes in one upload. */
export const MAX_FILE_BYTES = 7 * 1024 * 1024;

export const filesTooLarge = (files: readonly File[]) => files.some((f) => f.size > MAX_FILE_BYTES);

/** A file as the API takes it: name, type and bytes in base64. */
export const toUpload = async (file: File) => {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { filename: file.name, contentType: file.type || 'application/octet-stream', contentBase64: btoa(binary) };
};

/**
 * Files dropped or chosen, as tokens that can be removed; the API takes up to 20. `texts` are the
 * screen's words; with `tooLarge`, a file over the limit says so on its token.
 */
export const FilePicker = ({
  files,
  onChange,
  texts,
  tooLarge,
}: {
  files: File[];
  onChange: (files: File[]) => void;
  texts: { drop: string; choose: string; remove: (index: number) => string };
  tooLarge?: string;
}) => {
  const add = (list: File[]) => onChange([...files, ...list].slice(0, 20));
  return (
    <SpaceBetween size="xs">
      <FileDropzone onChange={(e) => add(e.detail.value)}>
        <SpaceBetween size="xxs" alignItems="center">
          <Box>{texts.drop}</Box>
          <FileInput multiple value={[]} onChange={(e) => add(e.detail.value)} ariaLabel={texts.choose}>
            {texts.choose}
          </FileInput>
        </SpaceBetween>
      </FileDropzone>
      <FileTokenGroup
        items={files.map((file) => ({
          file,
          ...(tooLarge && file.size > MAX_FILE_BYTES ? { errorText: tooLarge } : {}),
        }))}
        onDismiss={(e) => onChange(files.filter((_, i) => i !== e.detail.fileIndex))}
        i18nStrings={{
          removeFileAriaLabel: texts.remove,
          limitShowFewer: '−',
          limitShowMore: '+',
          errorIconAriaLabel: 'error',
          warningIconAriaLabel: 'warning',
        }}
        showFileSize
      />
    </SpaceBetween>
  );
};
