import { useEffect, useRef, useState } from 'react';
import type { ChangedIndicators } from './useDisplayBoard';

/** How long a changed indicator stays marked: the flash runs 2 s; a static outline stays as long. */
export const HIGHLIGHT_MS = 2500;

/**
 * Indicator code → stamp of its latest change, for the codes changed in the last HIGHLIGHT_MS.
 * The stamp is the key of the flash element, so a second change restarts its animation.
 */
export function useHighlights(changed: ChangedIndicators | null): ReadonlyMap<string, number> {
  const [highlights, setHighlights] = useState<ReadonlyMap<string, number>>(new Map());
  const [marked, setMarked] = useState<ChangedIndicators | null>(null);
  const timers = useRef(new Set<ReturnType<typeof setTimeout>>());

  // A new change is marked in the render that brings it, not in an effect after it.
  if (changed !== marked) {
    setMarked(changed);
    if (changed) setHighlights((previous) => withStamp(previous, changed.codes, changed.stamp));
  }

  useEffect(() => {
    if (!changed) return;
    const { codes, stamp } = changed;
    // Each change ends its own highlight (a newer change of the same code keeps its own stamp).
    const timer = setTimeout(() => {
      timers.current.delete(timer);
      setHighlights((previous) => {
        const next = new Map(previous);
        for (const code of codes) if (next.get(code) === stamp) next.delete(code);
        return next;
      });
    }, HIGHLIGHT_MS);
    timers.current.add(timer);
  }, [changed]);

  useEffect(() => {
    const pending = timers.current;
    return () => {
      for (const timer of pending) clearTimeout(timer);
      pending.clear();
    };
  }, []);

  return highlights;
}

function withStamp(highlights: ReadonlyMap<string, number>, codes: Iterable<string>, stamp: number): ReadonlyMap<string, number> {
  const next = new Map(highlights);
  for (const code of codes) next.set(code, stamp);
  return next;
}
