import { useEffect, useState } from 'react';

/**
 * The current time (epoch ms), refreshed on every whole `stepMs` (each second by default), so a
 * clock and a countdown turn over together instead of drifting a fraction of a second apart.
 */
export function useNow(stepMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const schedule = () => {
      const wait = stepMs - (Date.now() % stepMs);
      timer = setTimeout(() => {
        setNow(Date.now());
        schedule();
      }, wait + 5);
    };
    schedule();
    return () => clearTimeout(timer);
  }, [stepMs]);
  return now;
}
