import type { BoardIndicator } from '../../../../shared/api/board';
import type { Reading } from '../../../../shared/api/readings';
import { formatDate, formatDateTime } from '../../../format';
import { useLang, useT } from '../../../i18n';
import { readingText } from '../../../components/valueTexts';

export const READING_COLUMNS = 9;

interface Props {
  indicator: BoardIndicator;
  reading: Reading;
  timeZone: string;
  /** Offered on readings still in effect, to users who may write. */
  mayCorrect: boolean;
  correcting: boolean;
  onCorrect: () => void;
}

function AuthorName({ author }: { author: Reading['author'] }) {
  const t = useT();
  if (author.kind === 'system') return <span className="screen-muted">{t('workspace.history.authorSystem')}</span>;
  if (author.kind === 'token') return <>{t('workspace.history.authorToken', { name: author.name })}</>;
  return <>{author.name}</>;
}

/** A link to another revision's row. */
function RevisionLink({ id }: { id: number }) {
  return <a href={`#reading-${id}`}>#{id}</a>;
}

/** One revision: a corrected one struck through and pointing at its correction, a correction with its reason. */
export function ReadingRow({ indicator, reading, timeZone, mayCorrect, correcting, onCorrect }: Props) {
  const t = useT();
  const lang = useLang();
  const superseded = reading.supersededById !== null;
  const value = readingText(indicator, reading, lang);
  return (
    <tr id={`reading-${reading.id}`} className={superseded ? 'ws-reading is-superseded' : 'ws-reading'} data-reading={reading.id}>
      <td className="ws-number">#{reading.id}</td>
      <td className="ws-nowrap">{formatDate(reading.date, lang)}</td>
      <th scope="row" className="ws-number">
        {superseded ? <del>{value}</del> : value}
      </th>
      <td className="ws-text">{reading.note}</td>
      <td className="ws-text">{reading.evidence}</td>
      <td>
        <AuthorName author={reading.author} />
      </td>
      <td className="ws-nowrap">
        <time dateTime={reading.createdAt}>{formatDateTime(reading.createdAt, timeZone, lang)}</time>
      </td>
      <td className="ws-revision">
        {reading.correction && (
          <>
            <span className="badge ws-badge-correction">{t('workspace.history.correction')}</span>
            <span className="screen-sub">
              {t('workspace.history.corrects')} <RevisionLink id={reading.supersedesId!} />
            </span>
            {reading.reason && <span className="screen-sub ws-text">{t('workspace.history.reason', { reason: reading.reason })}</span>}
          </>
        )}
        {superseded ? (
          <span className="screen-sub ws-superseded-note">
            {t('workspace.history.supersededBy')} <RevisionLink id={reading.supersededById!} />
          </span>
        ) : (
          !reading.correction && <span className="screen-muted">{t('workspace.history.inEffect')}</span>
        )}
      </td>
      <td>
        {mayCorrect && !superseded && (
          <button
            type="button"
            className={correcting ? 'button button-small button-primary' : 'button button-small'}
            onClick={onCorrect}
            aria-expanded={correcting}
            aria-label={t('workspace.correct.openLabel', { id: reading.id, date: formatDate(reading.date, lang) })}
          >
            {t('workspace.correct.open')}
          </button>
        )}
      </td>
    </tr>
  );
}
