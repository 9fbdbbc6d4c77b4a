/** The units page's path, shared by the router (App.tsx) and the page. AppNav repeats it. */
export const UNITS_ADMIN_PATH = '/admin/units';
