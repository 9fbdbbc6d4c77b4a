import type { ReactElement } from 'react';
import type { Export } from '../../../../shared/api/exports';
import { useT } from '../../../i18n';
import { Icon } from '../../../components/StatusBadge';

/** Each state has its own shape as well as its colour and word (like the indicators' StatusBadge). */
const STATUS_ICONS: Record<Export['status'], ReactElement> = {
  // A clock in a dashed circle: waiting its turn.
  queued: (
    <>
      <circle cx="12" cy="12" r="10" strokeDasharray="3 3" />
      <path d="M12 7v5l3 2" />
    </>
  ),
  // Two arrows going round: being drawn.
  running: (
    <>
      <path d="M20 12a8 8 0 0 1-13.7 5.6M4 12a8 8 0 0 1 13.7-5.6" />
      <path d="M18 2.5v4h-4M6 21.5v-4h4" />
    </>
  ),
  // A check in a circle.
  done: (
    <>
      <circle cx="12" cy="12" r="10" />
      <path d="M7 12.5l3.2 3.2L17 9" />
    </>
  ),
  // A cross in an octagon.
  failed: (
    <>
      <path d="M8 2h8l6 6v8l-6 6H8l-6-6V8z" />
      <path d="M9 9l6 6M15 9l-6 6" />
    </>
  ),
};

export function ExportStatusBadge({ status }: { status: Export['status'] }) {
  const t = useT();
  return (
    <span className={`badge export-status export-status-${status}`} data-status={status}>
      <Icon>{STATUS_ICONS[status]}</Icon>
      <span className="badge-text">{t(`reports.status.${status}`)}</span>
    </span>
  );
}
