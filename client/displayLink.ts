/** The display token of a screen's link (`?token=...`), if any. Apart from api.ts: a screen's bundle carries no zod. */
export function displayTokenFromUrl(search: string = window.location.search): string | null {
  return new URLSearchParams(search).get('token') || null;
}
