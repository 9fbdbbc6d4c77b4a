import { boardQuerySchema, boardSchema } from '../../shared/api/board';
import type { AuthService } from '../auth/auth.service';
import type { Clock } from '../clock';
import { refusals } from '../http/answers';
import { AppError } from '../http/errors';
import type { Api } from '../http/openapi';
import { requirePrincipal } from '../http/plumbing';
import type { BoardService } from './board.service';

export function boardRoutes(app: Api, auth: AuthService, boards: BoardService, clock: Clock): void {
  app.get('/api/board', { schema: { tags: ['board'], querystring: boardQuerySchema, response: { 200: boardSchema, ...refusals(404) } } }, async (request) => {
    await requirePrincipal(auth, request);
    const { asOf, termId } = request.query;
    if (asOf === undefined) return boards.board(undefined, termId);
    const instant = Date.parse(asOf);
    if (instant > clock.now()) throw new AppError('validation_failed', 'asOf lies in the future', { asOf: 'in_future' });
    return boards.board(instant, termId);
  });
}
