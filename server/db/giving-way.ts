/**
 * Lets the event loop run what is waiting (other requests, screens, health checks) before a long
 * batch goes on: the SQLite driver is synchronous, so a batch that never awaits a macrotask would
 * hold every other request until it ends. Reads go to the read-only connection meanwhile.
 */
export function givingWay(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
