import { en } from './en';
import { frameEn, frameVi } from './sections/frame';
import { pagesEn, pagesVi } from './sections';
import { vi } from './vi';

/**
 * Every string of the signed-in app: the screen's catalog (vi.ts, en.ts), the frame's (navigation
 * and session) and the pages' sections. The app loads them in parts (appVi.ts on the first route,
 * appStrings.ts with the other pages); this whole catalog is the type of a message key and what
 * the unit tests check.
 */
export const viAll = { ...vi, ...frameVi, ...pagesVi };
export type Messages = typeof viAll;
export const enAll: Messages = { ...en, ...frameEn, ...pagesEn };
