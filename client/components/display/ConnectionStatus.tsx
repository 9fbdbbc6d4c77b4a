import type { ReactElement } from 'react';
import type { ConnectionState } from '../../realtime/board-store';
import { useT } from '../../i18n';
import { Icon } from '../StatusBadge';

/** A shape for each state, besides its word and colour. */
const ICONS: Record<ConnectionState, ReactElement> = {
  // Waves around a dot: receiving.
  live: (
    <>
      <circle cx="12" cy="14" r="2" fill="currentColor" />
      <path d="M8 10.5a5 5 0 0 1 8 0M5 7.5a9.5 9.5 0 0 1 14 0" />
    </>
  ),
  // Two arrows in a circle: trying again.
  connecting: (
    <>
      <path d="M20 11a8 8 0 0 0-14.3-4.5L4 8.5M4 13a8 8 0 0 0 14.3 4.5l1.7-2" />
      <path d="M4 4v4.5h4.5M20 20v-4.5h-4.5" />
    </>
  ),
  // The waves struck through: nothing arrives.
  offline: (
    <>
      <circle cx="12" cy="14" r="2" fill="currentColor" />
      <path d="M8 10.5a5 5 0 0 1 8 0M5 7.5a9.5 9.5 0 0 1 14 0M3 3l18 18" />
    </>
  ),
};

export function ConnectionStatus({ connection }: { connection: ConnectionState }) {
  const t = useT();
  const word = t(`display.connection.${connection}`);
  return (
    <span className={`conn conn-${connection}`} data-connection={connection} role="img" aria-label={t('display.connectionLabel', { state: word })}>
      <Icon>{ICONS[connection]}</Icon>
      <span className="conn-word">{word}</span>
    </span>
  );
}
