import { en } from './en';
import { frameEn } from './sections/frame';

/** The signed-in app's first-route strings in English (appMain.tsx loads them for ?lang=en only). */
export const appEn = { ...en, ...frameEn };
