import type { DisplayCommand } from '../realtime/events';
import { DISPLAY_PAGE_KEY } from './pages';

/**
 * A remote command as a screen accepts it, or null: the same shape as `displayCommandSchema`
 * (events.ts, which the server parses with), checked without zod so that the display route's
 * bundle stays small (docs/decisions.md).
 */
export function parseDisplayCommand(raw: unknown): DisplayCommand | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const keys = Object.keys(raw).sort().join(',');
  const command = raw as { type?: unknown; page?: unknown };
  if (command.type === 'reload' && keys === 'type') return { type: 'reload' };
  if (command.type === 'show-page' && keys === 'page,type' && typeof command.page === 'string' && DISPLAY_PAGE_KEY.test(command.page)) {
    return { type: 'show-page', page: command.page };
  }
  return null;
}
