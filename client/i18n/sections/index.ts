import { adminEn, adminVi } from './admin';
import { controlsEn, controlsVi } from './controls';
import { notificationsEn, notificationsVi } from './notifications';
import { reportsEn, reportsVi } from './reports';
import { workspaceEn, workspaceVi } from './workspace';

/**
 * The pages' own strings, both languages: one chunk that every route but the board and the login
 * page loads with its page (i18n/appStrings.ts), so the first route carries none of them.
 */
export const pagesVi = { workspace: workspaceVi, admin: adminVi, reports: reportsVi, notifications: notificationsVi, controls: controlsVi };
export const pagesEn: typeof pagesVi = { workspace: workspaceEn, admin: adminEn, reports: reportsEn, notifications: notificationsEn, controls: controlsEn };
