/** The roles of a signed-in user, without zod (the signed-in app's first route reads the session with them). */
export const ROLES = ['admin', 'editor', 'viewer'] as const;
export type Role = (typeof ROLES)[number];
