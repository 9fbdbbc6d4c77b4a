import type { FastifyInstance } from 'fastify';
import type { AuthService } from '../auth/auth.service';
import { requirePrincipal } from '../http/plumbing';
import type { BoardService } from './board.service';

export function boardRoutes(app: FastifyInstance, auth: AuthService, boards: BoardService): void {
  app.get('/api/board', async (request) => {
    requirePrincipal(auth, request);
    return boards.board();
  });
}
