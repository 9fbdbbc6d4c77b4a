import type { FastifyInstance } from 'fastify';
import { boardQuerySchema } from '../../shared/api/board';
import type { AuthService } from '../auth/auth.service';
import type { Clock } from '../clock';
import { AppError } from '../http/errors';
import { parseWith, requirePrincipal } from '../http/plumbing';
import type { BoardService } from './board.service';

export function boardRoutes(app: FastifyInstance, auth: AuthService, boards: BoardService, clock: Clock): void {
  app.get('/api/board', { schema: { tags: ['board'], querystring: boardQuerySchema } }, async (request) => {
    await requirePrincipal(auth, request);
    const { asOf, termId } = parseWith(boardQuerySchema, request.query);
    if (asOf === undefined) return boards.board(undefined, termId);
    const instant = Date.parse(asOf);
    if (instant > clock.now()) throw new AppError('validation_failed', 'asOf lies in the future', { asOf: 'in_future' });
    return boards.board(instant, termId);
  });
}
