import type { Server } from 'node:http';
import type { Socket } from 'node:net';

/**
 * Every TCP connection of an HTTP server, so that a stop cannot wait on one for ever.
 *
 * `server.close()` waits for each open connection to end. Fastify's `forceCloseConnections`
 * only reaches connections the HTTP parser still owns; an upgraded WebSocket, or one caught in
 * the middle of its upgrade, is no longer among them, and on a loaded machine a screen's socket
 * held a stop for 58 s. After a short grace (time for goodbyes), what is left is destroyed.
 */
export function trackConnections(server: Server): { closeAfter(graceMs: number): () => void } {
  const open = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    open.add(socket);
    socket.once('close', () => open.delete(socket));
  });
  return {
    /** Destroys the connections still open after `graceMs`; the returned function cancels it. */
    closeAfter(graceMs) {
      const timer = setTimeout(() => {
        for (const socket of open) socket.destroy();
      }, graceMs);
      timer.unref();
      return () => clearTimeout(timer);
    },
  };
}
