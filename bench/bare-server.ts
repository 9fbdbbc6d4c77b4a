/**
 * The baseline of bench/screens.ts: a bare Socket.IO server on Node's http, nothing else. Each
 * `POST /reading` takes the next seq, answers `201 {"seq"}` and emits one `indicator:updated`
 * to every socket, with a payload of the size of termboard's delta for a reading (~450 bytes
 * of JSON). No database, no authentication, no rooms: the floor termboard is compared with.
 * `POST /fanout?ms=10000&every=100` emits it to every socket every `every` ms for `ms` ms, then
 * answers `200 {"sent"}`: what the delivery alone costs at the coalescing window's pace.
 * PORT from the environment; prints "listening" once it is.
 */
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const DELTA = {
  indicator: {
    id: 1, code: 'XDD-01', name: 'Kết nạp đảng viên mới', groupId: 1, measure: 'count', direction: 'increase', unit: 'đảng viên',
    target: 20, current: 14, expected: 9.345205479452055, progress: 0.7, status: 'achieved', overdue: false, lastReadingDate: '2026-11-28',
    updatedAt: '2026-12-02T03:00:00.000Z',
  },
  series: [{ date: '2026-11-30', actual: 14 }],
  reading: { id: 1234, date: '2026-11-28', value: 1, correction: false },
};

let seq = 0;
const http = createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://bare');
  if (request.method === 'POST' && url.pathname === '/fanout') {
    const every = Number(url.searchParams.get('every'));
    const until = Date.now() + Number(url.searchParams.get('ms'));
    let sent = 0;
    const timer = setInterval(() => {
      if (Date.now() >= until) {
        clearInterval(timer);
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ sent }));
        return;
      }
      seq += 1;
      sent += 1;
      io.emit('indicator:updated', { seq, ...DELTA });
    }, every);
    return;
  }
  if (request.method !== 'POST' || request.url !== '/reading') {
    response.writeHead(404).end();
    return;
  }
  request.resume();
  request.on('end', () => {
    seq += 1;
    io.emit('indicator:updated', { seq, ...DELTA });
    response.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ seq }));
  });
});
const io = new Server(http, { serveClient: false });
http.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('listening'));
