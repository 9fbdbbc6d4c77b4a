import { useMutation } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useT, type MessageKey, type MessageParams } from '../../i18n';
import { describedBy, unplacedErrors, type FieldMessages } from '../../ui/fieldErrors';
import { FormErrors } from '../../ui/FormErrors';
import { FileField } from '../../ui/FileField';
import type { CheckedFile, SpreadsheetImport } from './spreadsheetImport';

const ACCEPTED = /\.(csv|xlsx)$/i;

/** Why a chosen file cannot be sent, before sending it: none, wrong kind, empty or too large. */
function fileProblem(file: File | null, fields: FieldMessages, maxBytes: number): MessageKey | null {
  if (!file) return fields.message('file', 'required');
  if (!ACCEPTED.test(file.name)) return fields.message('file', 'invalid_format');
  if (file.size === 0) return fields.message('file', 'empty');
  if (file.size > maxBytes) return fields.message('file', 'too_big');
  return null;
}

interface Props<Preview extends CheckedFile, Result extends MessageParams> {
  flow: SpreadsheetImport<Preview, Result>;
  onPreview: (preview: Preview) => void;
}

/** The templates to download and the file to check: the server answers with a preview, writing nothing. */
export function ImportUploadForm<Preview extends CheckedFile, Result extends MessageParams>({ flow, onPreview }: Props<Preview, Result>) {
  const t = useT();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<MessageKey | null>(null);
  const [formErrors, setFormErrors] = useState<MessageKey[]>([]);
  const { fields, form, messages } = flow;
  // A mutation: a session that ended is the QueryClient's 401 (app/queryClient.ts).
  const upload = useMutation({
    mutationFn: (chosen: File) => flow.upload(chosen),
    onSuccess: onPreview,
    onError: (error) => {
      const placed = fields.ofApi(error);
      setFileError(placed.file ?? (error.code === 'payload_too_large' ? fields.message('file', 'too_big') : null));
      setFormErrors([`errors.${error.code}`, ...unplacedErrors(placed, ['file'])]);
    },
  });
  const uploading = upload.isPending;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (uploading) return;
    setFormErrors([]);
    const problem = fileProblem(file, fields, flow.maxBytes);
    setFileError(problem);
    if (problem || !file) {
      input.current?.focus();
      return;
    }
    upload.mutate(file);
  }

  return (
    <form className="ws-form ws-upload" onSubmit={onSubmit} noValidate aria-labelledby={form.heading && `${id}-heading`}>
      {form.heading && <h2 id={`${id}-heading`}>{t(form.heading)}</h2>}
      <div className="ws-templates">
        <p>{t(form.templates.intro, form.templates.introParams)}</p>
        <p className="form-actions">
          {form.templates.links.map((link) => (
            <a key={link.href} className="button button-small" href={link.href} download>
              {t(link.label)}
            </a>
          ))}
        </p>
      </div>
      <FormErrors errors={formErrors} />
      <div className="field">
        <label className="field-label" htmlFor={`${id}-file`}>
          {t(`${messages}.file`)}
        </label>
        <FileField
          ref={input}
          id={`${id}-file`}
          name="file"
          file={file}
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(event) => {
            setFile(event.target.files?.[0] ?? null);
            setFileError(null);
          }}
          aria-invalid={fileError ? true : undefined}
          aria-describedby={describedBy(fileError && `${id}-error`, `${id}-hint`)}
        />
        {fileError && (
          <span className="field-error" id={`${id}-error`}>
            {t(fileError)}
          </span>
        )}
        <span className="field-hint" id={`${id}-hint`}>
          {t(`${messages}.fileHint`)}
        </span>
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={uploading}>
          {uploading ? t(form.submitting) : t(form.submit)}
        </button>
      </div>
    </form>
  );
}
