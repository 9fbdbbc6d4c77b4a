import { useEffect, useLayoutEffect, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import type { Board } from '../../shared/api/board';
import { useT } from '../i18n';

/**
 * Text sizes a sheet tries, largest first, until its content fits the page: long names over six
 * rows can need a little less than 9.5 pt. Never smaller than about 7 pt.
 */
const FIT_STEPS = [1, 0.93, 0.86, 0.8, 0.74];

/** Once the page's fonts are loaded: a sheet is measured with the letters it prints with. */
function useFontsLoaded(): boolean {
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    let current = true;
    void document.fonts.ready.then(() => current && setLoaded(true));
    return () => {
      current = false;
    };
  }, []);
  return loaded;
}

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
 * known while it is drawn; the foot names the report and the page. A sheet whose content would
 * run past the page sets its text a step smaller, rather than spill onto a page of its own or
 * be cut; `data-fitted` says when it is measured with its fonts and fits.
 */
export function Sheet({ number, total, board, title, label, className, children }: Props) {
  const t = useT();
  const body = useRef<HTMLDivElement>(null);
  const fontsLoaded = useFontsLoaded();
  const [step, setStep] = useState(0);
  const [fitted, setFitted] = useState(false);
  useLayoutEffect(() => {
    const element = body.current;
    if (!element || !fontsLoaded) return;
    const overflows = element.scrollHeight > element.clientHeight + 1;
    if (overflows && step < FIT_STEPS.length - 1) setStep(step + 1);
    else setFitted(true);
  }, [fontsLoaded, step]);
  return (
    <section
      className={`sheet${className ? ` ${className}` : ''}`}
      aria-label={label}
      data-sheet={number}
      data-fitted={fitted ? 'true' : undefined}
      style={{ '--fit': FIT_STEPS[step] } as CSSProperties}
    >
      <div className="sheet-body" ref={body}>
        {children}
      </div>
      <footer className="sheet-foot">
        <span>
          {title} · {board.office}
        </span>
        <span className="sheet-number">{t('display.pagePosition', { current: number, total })}</span>
      </footer>
    </section>
  );
}
