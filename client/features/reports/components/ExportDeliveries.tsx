import { createContext, useContext, useState } from 'react';
import type { Delivery } from '../../../../shared/api/mail';
import { resendDelivery } from '../../../api/reports';
import { formatDateTime } from '../../../format';
import { useLang, useT } from '../../../i18n';
import { REPORTS_TIME_ZONE } from '../../../paths/reports';

/** What the archive may do with a delivery: "Gửi lại" for admins, then read the list again. */
export interface DeliveryActions {
  mayResend: boolean;
  onResent: () => void;
}

export const DeliveryActionsContext = createContext<DeliveryActions>({ mayResend: false, onResent: () => {} });

/** After "Gửi lại", the list is read again once the server has had time to send it. */
const READ_AGAIN_AFTER_MS = 2_000;

function DeliveryRow({ delivery }: { delivery: Delivery }) {
  const t = useT();
  const lang = useLang();
  const { mayResend, onResent } = useContext(DeliveryActionsContext);
  const [shown, setShown] = useState(delivery);
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState('');
  // A fresher copy from the list replaces the one this row answered itself.
  const [seen, setSeen] = useState(delivery);
  if (seen !== delivery) {
    setSeen(delivery);
    setShown(delivery);
  }
  const at = (iso: string) => formatDateTime(iso, REPORTS_TIME_ZONE, lang);

  async function resend() {
    setBusy(true);
    setSaid('');
    try {
      setShown(await resendDelivery(delivery.id));
      setSaid(t('reports.deliveries.resent', { to: delivery.to }));
      onResent();
      setTimeout(onResent, READ_AGAIN_AFTER_MS);
    } catch {
      setSaid(t('reports.deliveries.resendFailed', { to: delivery.to }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <li className="report-delivery" data-delivery={shown.id} data-status={shown.status}>
      <span className="report-delivery-to">{shown.to}</span>
      <span className={`badge delivery-status delivery-status-${shown.status}`}>{t(`reports.deliveries.status.${shown.status}`)}</span>
      <span className="report-muted">
        {t('reports.deliveries.at', { dateTime: at(shown.at) })} · {t('reports.deliveries.attempts', { count: shown.attempts })}
      </span>
      {mayResend && (
        <button type="button" className="button button-small" onClick={() => void resend()} disabled={busy} aria-label={t('reports.deliveries.resendLabel', { to: shown.to })}>
          {busy ? t('reports.deliveries.resending') : t('reports.deliveries.resend')}
        </button>
      )}
      {shown.error && <p className="report-delivery-error">{t('reports.deliveries.error', { error: shown.error })}</p>}
      {shown.status === 'failed' && shown.retryAt && <p className="report-muted">{t('reports.deliveries.retryAt', { dateTime: at(shown.retryAt) })}</p>}
      <span className="report-muted" role="status">
        {said}
      </span>
    </li>
  );
}

/** Who the export was mailed to, how each went, and "Gửi lại" for admins. Nothing when it was mailed to nobody. */
export function ExportDeliveries({ deliveries }: { deliveries: Delivery[] }) {
  const t = useT();
  if (deliveries.length === 0) return null;
  return (
    <div className="report-deliveries">
      <h4>{t('reports.deliveries.heading')}</h4>
      <ul>
        {deliveries.map((delivery) => (
          <DeliveryRow key={delivery.id} delivery={delivery} />
        ))}
      </ul>
    </div>
  );
}
