/** The settings page's path, shared by the router (App.tsx) and the page. AppNav repeats it. */
export const SETTINGS_PATH = '/admin/settings';
