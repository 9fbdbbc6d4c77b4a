import { useId, useRef, useState, type FormEvent } from 'react';
import { IMPORT_COLUMNS, IMPORT_MAX_BYTES, type ImportPreview } from '../../../shared/api/imports';
import { asApiError } from '../../api';
import { IMPORT_TEMPLATE_CSV, IMPORT_TEMPLATE_XLSX, uploadImport } from '../../api/workspace';
import { goToLogin } from '../../pages/LoginPage';
import { useT, type MessageKey } from '../../i18n';
import { unplacedErrors } from '../form/fieldErrors';
import { workspaceFields } from './fieldMessages';
import { FormErrors } from './FormErrors';
import { IMPORT_PATH } from './paths';

const ACCEPTED = /\.(csv|xlsx)$/i;

/** Why a chosen file cannot be sent, before sending it: none, wrong kind, empty or too large. */
function fileProblem(file: File | null): MessageKey | null {
  if (!file) return workspaceFields.message('file', 'required');
  if (!ACCEPTED.test(file.name)) return workspaceFields.message('file', 'invalid_format');
  if (file.size === 0) return workspaceFields.message('file', 'empty');
  if (file.size > IMPORT_MAX_BYTES) return workspaceFields.message('file', 'too_big');
  return null;
}

/** The templates to download and the file to check: the server answers with a preview, writing nothing. */
export function ImportUploadForm({ onPreview }: { onPreview: (preview: ImportPreview) => void }) {
  const t = useT();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [uploading, setUploading] = useState(false);
  const [fileError, setFileError] = useState<MessageKey | null>(null);
  const [formErrors, setFormErrors] = useState<MessageKey[]>([]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (uploading) return;
    setFormErrors([]);
    const problem = fileProblem(file);
    setFileError(problem);
    if (problem || !file) {
      input.current?.focus();
      return;
    }
    setUploading(true);
    try {
      onPreview(await uploadImport(file));
    } catch (caught) {
      const error = asApiError(caught);
      if (error.status === 401 && error.code === 'unauthenticated') goToLogin(IMPORT_PATH);
      const fields = workspaceFields.ofApi(error);
      setFileError(fields.file ?? (error.code === 'payload_too_large' ? workspaceFields.message('file', 'too_big') : null));
      setFormErrors([`errors.${error.code}`, ...unplacedErrors(fields, ['file'])]);
    } finally {
      setUploading(false);
    }
  }

  return (
    <form className="ws-form ws-upload" onSubmit={onSubmit} noValidate aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('workspace.import.uploadHeading')}</h2>
      <div className="ws-templates">
        <p>{t('workspace.import.templatesIntro', { columns: IMPORT_COLUMNS.join(', ') })}</p>
        <p className="form-actions">
          <a className="button button-small" href={IMPORT_TEMPLATE_CSV} download>
            {t('workspace.import.templateCsv')}
          </a>
          <a className="button button-small" href={IMPORT_TEMPLATE_XLSX} download>
            {t('workspace.import.templateXlsx')}
          </a>
        </p>
      </div>
      <FormErrors errors={formErrors} />
      <div className="field">
        <label className="field-label" htmlFor={`${id}-file`}>
          {t('workspace.import.file')}
        </label>
        <input
          ref={input}
          id={`${id}-file`}
          name="file"
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(event) => {
            setFile(event.target.files?.[0] ?? null);
            setFileError(null);
          }}
          aria-invalid={fileError ? true : undefined}
          aria-describedby={`${fileError ? `${id}-error ` : ''}${id}-hint`}
        />
        {fileError && (
          <span className="field-error" id={`${id}-error`}>
            {t(fileError)}
          </span>
        )}
        <span className="field-hint" id={`${id}-hint`}>
          {t('workspace.import.fileHint')}
        </span>
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={uploading}>
          {uploading ? t('workspace.import.uploading') : t('workspace.import.upload')}
        </button>
      </div>
    </form>
  );
}
