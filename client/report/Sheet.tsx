import type { ReactNode } from 'react';
import type { Board } from '../../shared/api/board';
import { useT } from '../i18n';

interface Props {
  /** 1-based page number, and how many pages the report has. */
  number: number;
  total: number;
  board: Board;
  /** "Báo cáo tuần 49/2026". */
  title: string;
  label: string;
  className?: string;
  children: ReactNode;
}

/**
 * One A4 page of the printed report: a fixed-size sheet (print.css), so that its page number is
 * known while it is drawn; the foot names the report and the page.
 */
export function Sheet({ number, total, board, title, label, className, children }: Props) {
  const t = useT();
  return (
    <section className={`sheet${className ? ` ${className}` : ''}`} aria-label={label} data-sheet={number}>
      <div className="sheet-body">{children}</div>
      <footer className="sheet-foot">
        <span>
          {title} · {board.office}
        </span>
        <span className="sheet-number">{t('display.pagePosition', { current: number, total })}</span>
      </footer>
    </section>
  );
}
