/** The admin pages' paths, shared by the router (App.tsx), the pages and their navigation. */
export const USERS_PATH = '/admin/users';
export const TOKENS_PATH = '/admin/tokens';
export const AUDIT_PATH = '/admin/audit';
export const NOTIFICATIONS_PATH = '/admin/notifications';

/**
 * The office's zone: instants on the admin pages (created, revoked, logged) are shown as the
 * office reads them, whatever the zone of the admin's own computer.
 */
export const ADMIN_TIME_ZONE = 'Asia/Ho_Chi_Minh';
