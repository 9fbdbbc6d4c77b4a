/**
 * The flooding screen of bench/hostile.ts and the socket governance test, in a process of its own
 * (flooder-process.ts): encoding its thousands of emits must not hold up the event loop where the
 * other screen's updates are timed. Started with `fork` (IPC): connects with the display token it is given, says `ready`; on
 * `flood` sends that many `board:resync {since: 0}` at once; on `report` answers how many were
 * answered, refused, and whether the server cut the socket (waiting a while for it), then exits.
 */
import { io } from 'socket.io-client';

interface Start {
  url: string;
  token: string;
}

type Command = { type: 'flood'; count: number } | { type: 'report'; waitForCutMs: number };

const { url, token } = JSON.parse(process.argv[2] ?? '{}') as Start;
const send = (message: object) => process.send!(message);

const flooder = io(url, { transports: ['websocket'], forceNew: true, reconnection: false, auth: { token } });
let answered = 0;
let refused = 0;
let cut: string | null = null;
flooder.once('board:snapshot', () => send({ type: 'ready' }));
flooder.once('connect_error', (error) => {
  send({ type: 'error', message: error.message });
  process.exit(1);
});
flooder.on('disconnect', (reason) => (cut = reason));

process.on('message', (command: Command) => {
  if (command.type === 'flood') {
    for (let i = 0; i < command.count; i++) {
      flooder.emit('board:resync', { since: 0 }, (answer: { ok: boolean }) => (answer.ok ? answered++ : refused++));
    }
    send({ type: 'flooding' });
  } else {
    // Waits up to `waitForCutMs` for the server to cut the socket, then tells what it saw.
    let told = false;
    const answer = () => {
      if (told) return;
      told = true;
      clearTimeout(timer);
      send({ type: 'report', answered, refused, cut });
      flooder.disconnect();
      process.disconnect();
    };
    const timer = setTimeout(answer, flooder.connected ? command.waitForCutMs : 0);
    if (flooder.connected) flooder.once('disconnect', () => setImmediate(answer));
  }
});
