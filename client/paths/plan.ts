/** The plan page's path, shared by the router (App.tsx) and the page. AppNav repeats it. */
export const PLAN_PATH = '/admin/plan';
