import type { Display } from '../../../../shared/api/displays';
import { useT } from '../../../i18n';
import { Icon } from '../../../components/StatusBadge';

/** A filled dot in a ring: a screen with at least one live connection. */
const ONLINE = (
  <>
    <circle cx="12" cy="12" r="9" />
    <circle cx="12" cy="12" r="4" fill="currentColor" />
  </>
);

/** An empty ring, dashed: nothing connected right now. */
const OFFLINE = <circle cx="12" cy="12" r="9" strokeDasharray="3 3" />;

/** A barred circle: the link no longer opens anything. */
const REVOKED = (
  <>
    <circle cx="12" cy="12" r="9" />
    <path d="M5.6 5.6l12.8 12.8" />
  </>
);

/**
 * Whether a screen is connected, as a shape and a word as well as a colour (like StatusBadge),
 * with the number of connections when there are any.
 */
export function PresenceBadge({ display }: { display: Display }) {
  const t = useT();
  if (display.revokedAt !== null) {
    return (
      <span className="badge presence presence-revoked" data-presence="revoked">
        <Icon>{REVOKED}</Icon>
        <span className="badge-text">{t('screens.presence.revoked')}</span>
      </span>
    );
  }
  if (display.online) {
    const count = display.connections;
    return (
      <span className="badge presence presence-online" data-presence="online">
        <Icon>{ONLINE}</Icon>
        <span className="badge-text">
          {t('screens.presence.online')}
          {count > 0 && ` · ${t(count === 1 ? 'screens.presence.connectionsOne' : 'screens.presence.connectionsMany', { count })}`}
        </span>
      </span>
    );
  }
  return (
    <span className="badge presence presence-offline" data-presence="offline">
      <Icon>{OFFLINE}</Icon>
      <span className="badge-text">{t('screens.presence.offline')}</span>
    </span>
  );
}
