import type { InputHTMLAttributes, Ref } from 'react';
import { useT } from '../i18n';
import './controls.css';

interface FileFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'value'> {
  /** The field's own label points at this id. */
  id: string;
  ref?: Ref<HTMLInputElement>;
  /** What was chosen, as the form holds it: its name is shown, or "Chưa chọn tệp". */
  file: File | null;
}

/**
 * A file picker in the page's language ("Chọn tệp", "Chưa chọn tệp" or the file's name) instead
 * of the browser's ("Choose File"). The real file input stays, visually hidden but focusable, so
 * the keyboard, screen readers and tests that set files use it; the button is its second label.
 */
export function FileField({ file, ...inputProps }: FileFieldProps) {
  const t = useT();
  return (
    <div className="file-field">
      <input {...inputProps} type="file" className="visually-hidden file-field-input" />
      <label htmlFor={inputProps.id} className="button file-field-button" aria-hidden="true">
        {t('controls.file.choose')}
      </label>
      <span className={file ? 'file-field-name' : 'file-field-name screen-muted'}>{file ? file.name : t('controls.file.none')}</span>
    </div>
  );
}
