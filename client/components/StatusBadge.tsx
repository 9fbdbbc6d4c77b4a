import type { ReactElement } from 'react';
import type { Status } from '../../shared/indicator/model';
import { formatDate } from '../format';
import { useLang, useT } from '../i18n';

/**
 * Each status has its own shape as well as its own colour and word, so it reads on a
 * monochrome screen, to colour-blind viewers and from across the room.
 */
const STATUS_ICONS: Record<Status, ReactElement> = {
  // A check in a circle.
  achieved: (
    <>
      <circle cx="12" cy="12" r="10" />
      <path d="M7 12.5l3.2 3.2L17 9" />
    </>
  ),
  // An arrow going forward, in a circle.
  on_track: (
    <>
      <circle cx="12" cy="12" r="10" />
      <path d="M7 12h10M13 8l4 4-4 4" />
    </>
  ),
  // A warning triangle.
  at_risk: (
    <>
      <path d="M12 3L22 20H2z" />
      <path d="M12 9.5v5M12 17.2v.3" />
    </>
  ),
  // A cross in an octagon.
  off_track: (
    <>
      <path d="M8 2h8l6 6v8l-6 6H8l-6-6V8z" />
      <path d="M9 9l6 6M15 9l-6 6" />
    </>
  ),
  // A dash in a dashed circle.
  no_data: (
    <>
      <circle cx="12" cy="12" r="10" strokeDasharray="3 3" />
      <path d="M8 12h8" />
    </>
  ),
};

export function Icon({ children }: { children: ReactElement }) {
  return (
    <svg
      className="icon"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

export function StatusBadge({ status }: { status: Status }) {
  const t = useT();
  const word = t(`status.${status}`);
  return (
    <span className={`badge status status-${status}`} data-status={status} role="img" aria-label={t('statusLabel', { status: word })}>
      <Icon>{STATUS_ICONS[status]}</Icon>
      <span className="badge-text">{word}</span>
    </span>
  );
}

const CLOCK = (
  <>
    <circle cx="12" cy="12" r="10" />
    <path d="M12 6.5V12l3.5 2.5" />
  </>
);

/** Shown when an indicator has not been updated within its update frequency. */
export function OverdueBadge({ label }: { label: string }) {
  const t = useT();
  return (
    <span className="badge overdue" data-overdue="true" role="img" aria-label={label} title={label}>
      <Icon>{CLOCK}</Icon>
      <span className="badge-text">{t('overdue.badge')}</span>
    </span>
  );
}

/** The overdue badge of one indicator, saying since when it has had no reading. */
export function OverdueSinceBadge({ lastReadingDate }: { lastReadingDate: string | null }) {
  const t = useT();
  const lang = useLang();
  return <OverdueBadge label={lastReadingDate ? t('overdue.labelSince', { date: formatDate(lastReadingDate, lang) }) : t('overdue.labelNever')} />;
}

/**
 * An indicator's status and, when it is overdue, the overdue badge saying since when (of the
 * board's indicator, or of its progress as a new reading would make it).
 */
export function StatusBadges({ of }: { of: { status: Status; overdue: boolean; lastReadingDate: string | null } }) {
  return (
    <>
      <StatusBadge status={of.status} />
      {of.overdue && <OverdueSinceBadge lastReadingDate={of.lastReadingDate} />}
    </>
  );
}
