import { useId, useRef, useState, type FormEvent } from 'react';
import { asApiError } from '../../api';
import { PLAN_IMPORT_MAX_BYTES, planImportTemplateUrl, uploadPlanImport, type PlanImportPreview } from '../../api/plan';
import { useT, type MessageKey } from '../../i18n';
import { goToLogin } from '../../pages/LoginPage';
import { describedBy, unplacedErrors } from '../form/fieldErrors';
import { FormErrors } from '../workspace/FormErrors';
import { PLAN_PATH } from './paths';
import { planImportFields } from './planImportMessages';

const ACCEPTED = /\.(csv|xlsx)$/i;

/** Why a chosen file cannot be sent, before sending it: none, wrong kind, empty or too large. */
function fileProblem(file: File | null): MessageKey | null {
  if (!file) return planImportFields.message('file', 'required');
  if (!ACCEPTED.test(file.name)) return planImportFields.message('file', 'invalid_format');
  if (file.size === 0) return planImportFields.message('file', 'empty');
  if (file.size > PLAN_IMPORT_MAX_BYTES) return planImportFields.message('file', 'too_big');
  return null;
}

interface Props {
  termId: number;
  onPreview: (preview: PlanImportPreview) => void;
}

/** The template to download and the plan file to check: the server answers with a preview, writing nothing. */
export function PlanImportUploadForm({ termId, onPreview }: Props) {
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
      onPreview(await uploadPlanImport(termId, file));
    } catch (caught) {
      const error = asApiError(caught);
      if (error.status === 401 && error.code === 'unauthenticated') goToLogin(PLAN_PATH);
      const fields = planImportFields.ofApi(error);
      setFileError(fields.file ?? (error.code === 'payload_too_large' ? planImportFields.message('file', 'too_big') : null));
      setFormErrors([`errors.${error.code}`, ...unplacedErrors(fields, ['file'])]);
    } finally {
      setUploading(false);
    }
  }

  return (
    <form className="ws-form ws-upload" onSubmit={onSubmit} noValidate>
      <div className="ws-templates">
        <p id={`${id}-template`}>{t('admin.plan.import.templateHint')}</p>
        <p className="form-actions">
          <a className="button button-small" href={planImportTemplateUrl(termId)} download>
            {t('admin.plan.import.template')}
          </a>
        </p>
      </div>
      <FormErrors errors={formErrors} />
      <div className="field">
        <label className="field-label" htmlFor={`${id}-file`}>
          {t('admin.plan.import.file')}
        </label>
        <input
          ref={input}
          id={`${id}-file`}
          name="file"
          type="file"
          accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
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
          {t('admin.plan.import.fileHint')}
        </span>
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={uploading}>
          {uploading ? t('admin.plan.import.previewing') : t('admin.plan.import.preview')}
        </button>
      </div>
    </form>
  );
}
