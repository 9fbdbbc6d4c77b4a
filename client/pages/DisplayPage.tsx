import { lazy, Suspense, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ROTATE_SECONDS } from '../../shared/display/screen';
import { DISPLAY_PAGE_KEY } from '../../shared/display/pages';
import type { DisplayCommand } from '../../shared/realtime/events';
import { displayTokenFromUrl } from '../displayLink';
import { DisplayMessage } from '../components/display/DisplayMessage';
import { DisplayScreen, type PageRequest } from '../components/display/DisplayScreen';
import { useDisplayBoard } from '../hooks/useDisplayBoard';
import { useDisplayToken } from '../hooks/useDisplayToken';
import { addCatalog, hasCatalog, LangContext, useLang, useT, type Lang } from '../i18n';

// Not on a screen's way: the weekly export's rendering and the pairing code (which speak to the
// API through the app's zod-checked client) load only where they are shown.
const ExportPage = lazy(() => import('./ExportPage').then((module) => ({ default: module.ExportPage })));
const PairingScreen = lazy(() => import('../components/display/PairingScreen').then((module) => ({ default: module.PairingScreen })));
import '../fonts';
import '../styles/display.css';

interface DisplayParams {
  token: string | null;
  /** `?theme=`; null: the office's default (settings). */
  theme: 'dark' | 'light' | null;
  /** `?lang=` given: it wins over the office's default. */
  langFixed: boolean;
  /** `?page=`: hold this page, no rotation. */
  pinned: string | null;
  /** `?rotate=` seconds, when valid. */
  rotate: number | null;
}


function clampRotate(seconds: number): number {
  return Math.min(ROTATE_SECONDS.max, Math.max(ROTATE_SECONDS.min, Math.round(seconds)));
}

/** What the display link says about the screen: `?token=&theme=light&page=&rotate=` (`lang` is read in main.tsx). */
function readParams(search: string): DisplayParams {
  const query = new URLSearchParams(search);
  const page = query.get('page');
  const rotate = Number(query.get('rotate'));
  return {
    token: displayTokenFromUrl(search),
    theme: query.get('theme') === 'light' ? 'light' : query.get('theme') === 'dark' ? 'dark' : null,
    langFixed: query.has('lang'),
    pinned: page !== null && DISPLAY_PAGE_KEY.test(page) ? page : null,
    rotate: query.get('rotate') !== null && Number.isFinite(rotate) && rotate > 0 ? clampRotate(rotate) : null,
  };
}

/**
 * The meeting-room screen a display link opens: full-screen, no login, rotating through the
 * summary and one page per group, live, and honest about figures that may be old.
 */
export function DisplayPage() {
  const exportOf = useMemo(() => exportParams(window.location.search), []);
  if (exportOf) {
    return (
      <Suspense fallback={null}>
        <ExportPage token={exportOf.token} asOf={exportOf.asOf} />
      </Suspense>
    );
  }
  return <LiveDisplay />;
}

/** `?export=1&asOf=<ISO>`: the weekly export's rendering, each view by the hash (`#group-5`, `#print`). */
function exportParams(search: string): { token: string | null; asOf: string } | null {
  const query = new URLSearchParams(search);
  const asOf = query.get('asOf') ?? '';
  if (query.get('export') !== '1' || Number.isNaN(Date.parse(asOf))) return null;
  return { token: displayTokenFromUrl(search), asOf };
}

function LiveDisplay() {
  const lang = useLang();
  // Read once: the link belongs to the screen, not to a page state.
  const params = useMemo(() => readParams(window.location.search), []);
  const { token, kept, paired, forget } = useDisplayToken(params.token);
  if (token === null) {
    return (
      <OfficeLanguage lang={lang}>
        <div className={`display display-${params.theme ?? 'dark'}`}>
          <Suspense fallback={null}>
            <PairingScreen onPaired={paired} />
          </Suspense>
        </div>
      </OfficeLanguage>
    );
  }
  return <BoardDisplay key={token} token={token} params={params} onRefused={kept ? forget : undefined} />;
}

/** The screen with its token: the live board, or why there is none. */
function BoardDisplay({ token, params, onRefused }: { token: string; params: DisplayParams; onRefused: (() => void) | undefined }) {
  const t = useT();
  const lang = useLang();
  const [request, setRequest] = useState<PageRequest | null>(null);
  const onCommand = useCallback((command: DisplayCommand) => {
    if (command.type === 'show-page') setRequest((previous) => ({ page: command.page, stamp: (previous?.stamp ?? 0) + 1 }));
  }, []);
  const { state, settings, clockOffset, refresh } = useDisplayBoard(token, onCommand);
  // A token kept from a pairing and since revoked: back to a pairing code.
  const refused = state.kind === 'unauthenticated';
  useEffect(() => {
    if (refused) onRefused?.();
  }, [refused, onRefused]);
  // The link's `&rotate=` wins, as its `&theme=` and `&lang=` do; else the screen's own setting.
  const rotateSeconds = params.rotate ?? (settings ? clampRotate(settings.rotateSeconds) : ROTATE_SECONDS.default);

  let content;
  switch (state.kind) {
    case 'ready':
      content = (
        <DisplayScreen
          board={state.board}
          connection={state.connection}
          offlineSince={state.offlineSince}
          cachedAt={state.cachedAt}
          changed={state.changed}
          clockOffset={clockOffset}
          refresh={refresh}
          rotateSeconds={rotateSeconds}
          pinned={params.pinned}
          request={request}
        />
      );
      break;
    case 'unauthenticated':
      content = (
        <DisplayMessage title={t('display.invalidTitle')} tone="error">
          <p role="alert">{t('display.invalidBody')}</p>
          <p>{t('display.invalidHint')}</p>
        </DisplayMessage>
      );
      break;
    case 'connecting':
      content = (
        <DisplayMessage title={t('app.title')}>
          <p>{state.failing ? t('display.connectFailed') : t('display.loading')}</p>
        </DisplayMessage>
      );
      break;
  }
  // Without ?theme= or ?lang=, the screen looks as the office set it (settings → board.defaults).
  const defaults = state.kind === 'ready' ? state.board.defaults : undefined;
  const theme = params.theme ?? defaults?.theme ?? 'dark';
  const screenLang = params.langFixed || !defaults ? lang : defaults.lang;
  return (
    <OfficeLanguage lang={screenLang}>
      <div className={`display display-${theme}`}>{content}</div>
    </OfficeLanguage>
  );
}

/** A screen's strings in another language than it started with, loaded when first needed. */
function loadStrings(lang: Lang): Promise<object> {
  return lang === 'en' ? import('../i18n/en').then((module) => module.en) : import('../i18n/vi').then((module) => module.vi);
}

/**
 * The office's default language for a screen whose link names none. A screen starts with the
 * strings of its link's language only (main.tsx): another one is loaded first (a local chunk, a few
 * milliseconds), the screen blank meanwhile rather than flashing the other language.
 */
function OfficeLanguage({ lang, children }: { lang: Lang; children: ReactNode }) {
  const started = useLang();
  // A language whose strings could not be loaded (offline, not cached yet): the started one shows.
  const [failed, setFailed] = useState<Lang | null>(null);
  const [, setLoaded] = useState(0);
  const ready = hasCatalog(lang);
  useEffect(() => {
    if (ready) return;
    let live = true;
    loadStrings(lang).then(
      (strings) => {
        addCatalog(lang, strings);
        if (live) setLoaded((count) => count + 1);
      },
      () => {
        if (live) setFailed(lang);
      },
    );
    return () => {
      live = false;
    };
  }, [lang, ready]);
  const shown = ready ? lang : failed === lang ? started : null;
  useEffect(() => {
    if (shown) document.documentElement.lang = shown;
  }, [shown]);
  return shown && <LangContext.Provider value={shown}>{children}</LangContext.Provider>;
}
