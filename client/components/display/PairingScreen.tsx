import { formatClock } from '../../format';
import { usePairing } from '../../hooks/usePairing';
import { useLang, useT } from '../../i18n';
import { DisplayMessage } from './DisplayMessage';

/** `/display` without a token: a code large enough to read across the room, and how to use it. */
export function PairingScreen({ onPaired }: { onPaired: (token: string) => void }) {
  // No board yet, so not its time zone: the screen's own.
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const t = useT();
  const lang = useLang();
  const view = usePairing(onPaired);
  return (
    <DisplayMessage title={t('display.pairingTitle')}>
      {view.kind === 'waiting' ? (
        <>
          <p className="pairing-code" aria-label={t('display.pairingCodeLabel')} data-pairing-code={view.code}>
            {view.code}
          </p>
          <p>{t('display.pairingHint')}</p>
          <p>{t('display.pairingExpires', { time: formatClock(Date.parse(view.expiresAt), timeZone, lang) })}</p>
        </>
      ) : (
        <p>{view.kind === 'failed' ? t('display.pairingFailed') : t('display.loading')}</p>
      )}
    </DisplayMessage>
  );
}
