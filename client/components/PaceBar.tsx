import { formatShare } from '../format';
import { useLang, useT } from '../i18n';

const clamp = (share: number) => Math.min(1, Math.max(0, share));

/**
 * Where the bar is read. On the board (`board`, a desk with a pointer) its words show on hover, and
 * the card prints them under it (IndicatorCard). On a screen (`screen`, read from across the room,
 * no pointer) no share: "30%" of the way next to a value of 98,1% reads as a contradiction; the bar
 * against its marker says ahead or behind, and the words are in its accessible name.
 */
export type PaceBarPlace = 'board' | 'screen';

/** Class of the bar and prefix of its parts' classes, as each stylesheet knows them. */
const CLASS_OF: Record<PaceBarPlace, string> = { board: 'progress', screen: 'pace' };

interface Props {
  progress: number | null;
  expectedProgress: number;
  place: PaceBarPlace;
}

/**
 * The way from the term's start value to its target: filled as far as the indicator has come, with
 * a marker where the term's pace says it should be by now (the board's `expectedProgress`).
 */
export function PaceBar({ progress, expectedProgress, place }: Props) {
  const t = useT();
  const lang = useLang();
  const expected = formatShare(expectedProgress, lang);
  const label =
    progress === null
      ? t('indicator.progressLabelNoData', { expected })
      : t('indicator.progressLabel', { progress: formatShare(progress, lang), expected });
  const reached = progress === null ? 0 : clamp(progress);
  const onBoard = place === 'board';
  const name = CLASS_OF[place];
  return (
    <div className={name}>
      <div
        className={`${name}-track`}
        role="progressbar"
        // The board names it by its title, which also shows on hover.
        aria-label={onBoard ? undefined : label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(reached * 100)}
        aria-valuetext={label}
        title={onBoard ? label : undefined}
      >
        <div className={`${name}-fill`} style={{ width: `${reached * 100}%` }} />
        <div className={`${name}-marker`} style={{ left: `${clamp(expectedProgress) * 100}%` }} />
      </div>
    </div>
  );
}
