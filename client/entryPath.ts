/** The current path without a trailing slash (except for `/`): how the entry picks display or app. */
export function currentPath(): string {
  const path = window.location.pathname;
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}
