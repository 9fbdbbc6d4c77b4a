import type { ScreenPage } from '../../hooks/useDisplayPages';
import { useNow } from '../../hooks/useNow';
import { useT } from '../../i18n';

/** From this many pages on, only the current one is named on screen. */
const COMPACT_FROM = 4;

/** The name of a page: the summary's or its group's, with its part (`(1/2)`) when asked and it has several. */
export function usePageName(): (page: ScreenPage, withPart?: boolean) => string {
  const t = useT();
  return (page, withPart = true) => {
    const name = page.kind === 'summary' ? t('display.summaryTitle') : page.groupName;
    return withPart && page.parts > 1 ? `${name} (${page.part}/${page.parts})` : name;
  };
}

/** Seconds left on this page, and a bar that fills as they run out; re-rendered once a second. */
function Countdown({ since, seconds }: { since: number; seconds: number }) {
  const t = useT();
  const now = useNow();
  const total = seconds * 1000;
  const left = Math.min(total, Math.max(0, since + total - now));
  return (
    <>
      <span className="countdown-text">{t('display.countdown', { seconds: Math.ceil(left / 1000) })}</span>
      <span className="countdown-bar" aria-hidden="true">
        <span className="countdown-fill" style={{ width: `${(1 - left / total) * 100}%` }} />
      </span>
    </>
  );
}

interface Props {
  pages: readonly ScreenPage[];
  index: number;
  since: number;
  seconds: number;
  rotating: boolean;
  /** A still picture (the weekly export): no countdown, no pinned mark. */
  still?: boolean | undefined;
}

/** Every page by name, the one on screen marked; which page of how many; time left on it. */
export function PageFooter({ pages, index, since, seconds, rotating, still }: Props) {
  const t = useT();
  const pageName = usePageName();
  return (
    <footer className="display-footer">
      {/* Many pages: a dot for each, named only on screen for the current one (all are read out). */}
      <ol className={`page-list${pages.length > COMPACT_FROM ? ' is-compact' : ''}`} aria-label={t('display.pagesLabel')}>
        {pages.map((page, i) => (
          <li key={page.key} className={i === index ? 'is-current' : undefined} aria-current={i === index ? 'page' : undefined}>
            <span className="page-dot" aria-hidden="true" />
            <span className="page-name">{pageName(page)}</span>
          </li>
        ))}
      </ol>
      <p className="page-position">
        <span>{t('display.pagePosition', { current: index + 1, total: pages.length })}</span>
        {!still && (rotating ? <Countdown key={since} since={since} seconds={seconds} /> : pages.length > 1 && <span className="countdown-text">{t('display.pinned')}</span>)}
      </p>
    </footer>
  );
}
