import { boardSchema, type Board } from '../../shared/api/board';
import { send } from '../api/http';
import { parseBody } from '../api';

/** The board as it stood at `asOf` (ISO date-time), read with a display token. */
export async function getBoardAsOf(token: string | null, asOf: string): Promise<Board> {
  const response = await send('GET', `/api/board?asOf=${encodeURIComponent(asOf)}`, { token });
  return parseBody(response, boardSchema);
}
