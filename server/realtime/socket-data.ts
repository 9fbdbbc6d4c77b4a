import type { Principal } from '../auth/principal';

/** What the server keeps on each socket. */
export interface SocketData {
  principal: Principal;
}
