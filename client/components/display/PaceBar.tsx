import { formatShare } from '../../format';
import { useLang, useT } from '../../i18n';

const clamp = (share: number) => Math.min(1, Math.max(0, share));

/**
 * The way from the term's start value to its target: filled as far as the indicator has come, with
 * a marker where the term's pace says it should be by now (the board's `expectedProgress`). No
 * share printed beside it: "30%" of the way next to a value of 98,1% reads as a contradiction;
 * the bar against its marker says ahead or behind, the words are in its accessible name.
 */
export function PaceBar({ progress, expectedProgress }: { progress: number | null; expectedProgress: number }) {
  const t = useT();
  const lang = useLang();
  const expected = formatShare(expectedProgress, lang);
  const label =
    progress === null
      ? t('indicator.progressLabelNoData', { expected })
      : t('indicator.progressLabel', { progress: formatShare(progress, lang), expected });
  const reached = progress === null ? 0 : clamp(progress);
  return (
    <div className="pace">
      <div
        className="pace-track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(reached * 100)}
        aria-valuetext={label}
      >
        <div className="pace-fill" style={{ width: `${reached * 100}%` }} />
        <div className="pace-marker" style={{ left: `${clamp(expectedProgress) * 100}%` }} />
      </div>
    </div>
  );
}
