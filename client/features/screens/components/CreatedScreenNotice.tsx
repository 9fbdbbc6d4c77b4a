import { useEffect, useId, useRef, useState } from 'react';
import type { CreatedDisplay } from '../../../../shared/api/displays';
import { useT } from '../../../i18n';

type CopyState = 'idle' | 'copied' | 'failed';

/**
 * The new screen's link, shown this once: the server keeps only a hash of its token. Focus
 * moves here so the note is read out, and the link can be copied with one button.
 */
export function CreatedScreenNotice({ created, onDismiss }: { created: CreatedDisplay; onDismiss: () => void }) {
  const t = useT();
  const id = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  // What the status line says, for the value it was said of: a new value starts silent.
  const [copied, setCopied] = useState<{ of: unknown; state: CopyState }>({ of: created, state: 'idle' });
  const copy = copied.of === created ? copied.state : 'idle';
  const setCopy = (state: CopyState) => setCopied({ of: created, state });

  useEffect(() => {
    headingRef.current?.focus();
  }, [created]);

  async function onCopy() {
    try {
      await navigator.clipboard.writeText(created.url);
      setCopy('copied');
    } catch {
      // No Clipboard API outside a secure context (plain http on the office network): select the
      // text and use the older command, which still works there.
      const input = inputRef.current;
      input?.select();
      setCopy(input && document.execCommand('copy') ? 'copied' : 'failed');
    }
  }

  return (
    <section className="created-screen" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} ref={headingRef} tabIndex={-1}>
        {t('screens.created.heading', { name: created.name })}
      </h3>
      <p className="created-screen-note" id={`${id}-note`}>
        {t('screens.created.onceNote')}
      </p>
      <div className="field">
        <label className="field-label" htmlFor={`${id}-url`}>
          {t('screens.created.url')}
        </label>
        <div className="created-screen-url">
          <input
            id={`${id}-url`}
            ref={inputRef}
            readOnly
            value={created.url}
            spellCheck={false}
            aria-describedby={`${id}-note`}
            onFocus={(event) => event.currentTarget.select()}
          />
          <button type="button" className="button button-primary" onClick={onCopy}>
            {t('screens.created.copy')}
          </button>
        </div>
      </div>
      <p className={`created-screen-copy${copy === 'failed' ? ' is-error' : ''}`} role="status">
        {copy === 'copied' ? t('screens.created.copied') : copy === 'failed' ? t('screens.created.copyFailed') : ''}
      </p>
      <div className="form-actions">
        <button type="button" className="button" onClick={onDismiss}>
          {t('screens.created.dismiss')}
        </button>
      </div>
    </section>
  );
}
