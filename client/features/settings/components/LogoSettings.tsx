import { useId, useRef, useState, type FormEvent } from 'react';
import { LOGO_MAX_BYTES, LOGO_TYPES, type Settings } from '../../../../shared/api/settings';
import { asApiError } from '../../../api/http';
import { removeLogo, uploadLogo } from '../../../api/plan';
import { useT, type MessageKey } from '../../../i18n';
import { ConfirmDialog } from '../../../ui/Dialog';
import { describedBy } from '../../../ui/fieldErrors';
import { FormError } from '../../../ui/FormError';
import { FileField } from '../../../ui/FileField';

interface Props {
  logoUrl: string | null;
  onChanged: (settings: Settings, message: string) => void;
}

function isLogoType(type: string): boolean {
  return (LOGO_TYPES as readonly string[]).includes(type);
}

/** The office's logo: shown as it is now, replaced by an upload (checked here first), or removed. */
export function LogoSettings({ logoUrl, onChanged }: Props) {
  const t = useT();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const removed = useRef<Settings | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<MessageKey | null>(null);
  const [formError, setFormError] = useState<MessageKey | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);

  function choose(chosen: File | null) {
    setFile(chosen);
    setFormError(null);
    if (!chosen) setFileError(null);
    else if (!isLogoType(chosen.type)) setFileError('admin.settings.logo.badType');
    else if (chosen.size > LOGO_MAX_BYTES) setFileError('admin.settings.logo.tooBig');
    else setFileError(null);
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    if (!file) {
      setFileError('admin.settings.logo.noFile');
      input.current?.focus();
      return;
    }
    if (fileError) {
      input.current?.focus();
      return;
    }
    setBusy(true);
    setFormError(null);
    try {
      const settings = await uploadLogo(file);
      setFile(null);
      if (input.current) input.current.value = '';
      onChanged(settings, t('admin.settings.logo.uploaded'));
    } catch (caught) {
      const error = asApiError(caught);
      if (error.code === 'payload_too_large') setFileError('admin.settings.logo.tooBig');
      else if (error.code === 'unsupported_media_type') setFileError('admin.settings.logo.badType');
      else setFormError(`errors.${error.code}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="admin-form">
      <div className="settings-logo">
        <div className="settings-logo-frame">
          {logoUrl ? <img src={logoUrl} alt={t('admin.settings.logo.current')} /> : <span className="screen-muted">{t('admin.settings.logo.none')}</span>}
        </div>
        <form className="admin-form" onSubmit={onSubmit} noValidate>
          <FormError error={formError} />
          <div className="field">
            <label className="field-label" htmlFor={`${id}-file`}>
              {t('admin.settings.logo.file')}
            </label>
            <FileField
              ref={input}
              id={`${id}-file`}
              file={file}
              name="file"
              accept={LOGO_TYPES.join(',')}
              onChange={(event) => choose(event.target.files?.[0] ?? null)}
              aria-invalid={fileError ? true : undefined}
              aria-describedby={describedBy(`${id}-hint`, fileError && `${id}-error`)}
            />
            <span className="field-hint" id={`${id}-hint`}>
              {t('admin.settings.logo.hint')}
            </span>
            {fileError && (
              <span className="field-error" id={`${id}-error`}>
                {t(fileError)}
              </span>
            )}
          </div>
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={busy}>
              {busy ? t('admin.settings.logo.uploading') : t('admin.settings.logo.upload')}
            </button>
            {logoUrl && (
              <button type="button" className="button button-danger-quiet" onClick={() => setConfirming(true)} disabled={busy}>
                {t('admin.settings.logo.remove.open')}
              </button>
            )}
          </div>
        </form>
      </div>
      {confirming && (
        <ConfirmDialog
          messages="admin.settings.logo.remove"
          danger
          onConfirm={async () => {
            removed.current = await removeLogo();
          }}
          onCancel={() => setConfirming(false)}
          onDone={() => {
            setConfirming(false);
            if (removed.current) onChanged(removed.current, t('admin.settings.logo.remove.done'));
            input.current?.focus();
          }}
        />
      )}
    </div>
  );
}
