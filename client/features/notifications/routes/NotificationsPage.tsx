import { useId, useState } from 'react';
import type { Delivery } from '../../../../shared/api/mail';
import type { Notification } from '../../../../shared/api/notifications';
import { asApiError } from '../../../api/http';
import { listNotifications, resendDelivery } from '../../../api/notifications';
import { adminPage } from '../../../ui/PageFrame';
import { LoadError } from '../../../ui/Notice';
import { DataTable } from '../../../ui/DataTable';
import { ADMIN_TIME_ZONE, NOTIFICATIONS_PATH } from '../../../paths/admin';
import { formatDate, formatDateTime } from '../../../format';
import { useQuery } from '@tanstack/react-query';
import { useInvalidate } from '../../../api/queries';
import { useLang, useT, type MessageKey } from '../../../i18n';
import '../../../styles/admin.css';

/** Refreshed while open: a retry or a gathered alert shows up without a reload. */
const REFRESH_MS = 30_000;
const COLUMNS = ['notifications.col.at', 'notifications.col.kind', 'notifications.col.indicator', 'notifications.col.detail', 'notifications.col.deliveries'] as const;

function DeliveryLine({ delivery, onResent }: { delivery: Delivery; onResent: (message: MessageKey) => void }) {
  const t = useT();
  const lang = useLang();
  const [busy, setBusy] = useState(false);
  async function resend() {
    setBusy(true);
    try {
      await resendDelivery(delivery.id);
      onResent('notifications.resent');
    } catch (caught) {
      onResent(`errors.${asApiError(caught).code}`);
    } finally {
      setBusy(false);
    }
  }
  return (
    <li>
      <span>{delivery.to}</span> — <strong>{t(`notifications.delivery.${delivery.status}`)}</strong>
      {delivery.attempts > 1 && ` (${t('notifications.attempts', { count: delivery.attempts })})`}
      {delivery.error && <span className="screen-muted"> {delivery.error}</span>}
      {delivery.retryAt && delivery.status === 'failed' && (
        <span className="screen-muted"> · {t('notifications.retryAt', { time: formatDateTime(delivery.retryAt, ADMIN_TIME_ZONE, lang) })}</span>
      )}{' '}
      <button type="button" className="button button-small" onClick={resend} disabled={busy}>
        {t('notifications.resend')}
      </button>
    </li>
  );
}

function Row({ notification, onResent }: { notification: Notification; onResent: (message: MessageKey) => void }) {
  const t = useT();
  const lang = useLang();
  const { from, to } = notification;
  return (
    <tr>
      <td>
        <time dateTime={notification.createdAt}>{formatDateTime(notification.createdAt, ADMIN_TIME_ZONE, lang)}</time>
      </td>
      <td>{t(`notifications.kind.${notification.kind}`)}</td>
      <td>
        <strong>{notification.indicator.code}</strong> {notification.indicator.name}
      </td>
      <td>
        {notification.dueDate && t('notifications.dueOn', { date: formatDate(notification.dueDate, lang) })}
        {from && to && t('notifications.change', { from: t(`status.${from}`), to: t(`status.${to}`) })}
      </td>
      <td>
        {!notification.mailed ? (
          <span className="screen-muted">{t('notifications.waiting')}</span>
        ) : notification.deliveries.length === 0 ? (
          <span className="screen-muted">{t('notifications.noRecipients')}</span>
        ) : (
          <ul className="delivery-list">
            {notification.deliveries.map((delivery) => (
              <DeliveryLine key={delivery.id} delivery={delivery} onResent={onResent} />
            ))}
          </ul>
        )}
      </td>
    </tr>
  );
}

/** Every reminder and alert, newest first, with to whom each went and how that went. */
const NOTIFICATIONS_KEY = ['notifications'];

function Notifications() {
  const t = useT();
  const headingId = useId();
  const list = useQuery({ queryKey: NOTIFICATIONS_KEY, queryFn: ({ signal }) => listNotifications(signal), refetchInterval: REFRESH_MS });
  const state = { data: list.data ?? null, error: list.error };
  const reload = useInvalidate(NOTIFICATIONS_KEY);
  const [message, setMessage] = useState<MessageKey | null>(null);
  const onResent = (said: MessageKey) => {
    setMessage(said);
    reload();
  };
  const notifications = state.data;
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('notifications.title')}</h2>
      {message && (
        <p className="notice" role="status">
          {t(message)}
        </p>
      )}
      {state.error && <LoadError error={state.error} message="notifications.loadFailed" />}
      {notifications === null ? (
        !state.error && <p className="notice">{t('common.loading')}</p>
      ) : notifications.length === 0 ? (
        <p className="notice">{t('notifications.empty')}</p>
      ) : (
        <DataTable captionId={headingId} className="screens-table" columns={COLUMNS}>
          {notifications.map((notification) => (
            <Row key={notification.id} notification={notification} onResent={onResent} />
          ))}
        </DataTable>
      )}
    </section>
  );
}

/** `/admin/notifications`: admins only. */
export const NotificationsPage = adminPage({ path: NOTIFICATIONS_PATH, title: 'notifications.title', intro: 'notifications.intro' }, Notifications);
