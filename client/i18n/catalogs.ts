import { en } from './en';
import { adminEn, adminVi } from './sections/admin';
import { notificationsEn, notificationsVi } from './sections/notifications';
import { reportsEn, reportsVi } from './sections/reports';
import { workspaceEn, workspaceVi } from './sections/workspace';
import { vi } from './vi';

/**
 * Every string of the signed-in app: the screen's catalog (vi.ts, en.ts) and the app's sections.
 * Only the app's entry (appMain.tsx) imports this: a screen downloads none of the app's strings.
 */
export const viAll = { ...vi, workspace: workspaceVi, admin: adminVi, reports: reportsVi, notifications: notificationsVi };
export type Messages = typeof viAll;
export const enAll: Messages = { ...en, workspace: workspaceEn, admin: adminEn, reports: reportsEn, notifications: notificationsEn };
