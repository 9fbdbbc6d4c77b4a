import { useCallback, useEffect, useState } from 'react';

export interface Rotation {
  /** Index of the page on screen in `pageKeys`. */
  index: number;
  /** When the page on screen was put up (epoch ms). */
  since: number;
  /** Whether pages turn by themselves: more than one page and none pinned. */
  rotating: boolean;
  /** Shows a page now; rotation (when on) continues from it. Unknown keys are ignored. */
  show: (key: string) => void;
}

/**
 * Turns the pages every `seconds`. `pinned` (a `?page=` of the link) stops the turning, as long as
 * the board has that page; a remote `show-page` still moves a pinned screen, which then stays there. When the pages change under it (a group grows by a page, another empties),
 * the screen stays on the same key if it still exists, else falls back to the first page.
 */
export function useDisplayRotation(pageKeys: readonly string[], seconds: number, pinned: string | null): Rotation {
  const [current, setCurrent] = useState(() => ({ key: pinned ?? pageKeys[0] ?? '', since: Date.now() }));
  const found = pageKeys.indexOf(current.key);
  const index = found === -1 ? 0 : found;
  // A pin the board does not have (a mistyped link, a group since removed) pins nothing.
  const rotating = pageKeys.length > 1 && !(pinned !== null && pageKeys.includes(pinned));
  const nextKey = pageKeys[(index + 1) % Math.max(1, pageKeys.length)] ?? '';

  useEffect(() => {
    if (!rotating) return;
    const due = current.since + seconds * 1000 - Date.now();
    const timer = setTimeout(() => setCurrent({ key: nextKey, since: Date.now() }), Math.max(0, due));
    return () => clearTimeout(timer);
  }, [rotating, current, seconds, nextKey]);

  const keysId = pageKeys.join(' ');
  const show = useCallback(
    (key: string) => {
      if (keysId.split(' ').includes(key)) setCurrent({ key, since: Date.now() });
    },
    [keysId],
  );

  return { index, since: current.since, rotating, show };
}
