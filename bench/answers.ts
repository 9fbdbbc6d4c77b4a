/**
 * What checking answers against their schemas at run time would cost the hot path. A real answer
 * of `POST /api/indicators/:id/readings` (the reading, the indicator with its trend, the seq) and
 * of `POST /api/readings` is taken from a server over the demo board; then each is serialised
 * again and again as the server sends it (JSON.stringify: the baseline of the same run) and as
 * fastify-type-provider-zod's serializer would (the schema's safeEncode, then JSON.stringify).
 * The difference is what every answer of those routes would pay; compare it with one reading's
 * p50 over HTTP (`npm run bench:ingest`).
 *
 * `npm run bench:answers`. Figures go to docs/performance.md.
 */
import { serializerCompiler } from 'fastify-type-provider-zod';
import type { ZodType } from 'zod';
import { readingsBatchResultSchema, recordedReadingSchema } from '../shared/api/readings';
import { api, startTestServer } from '../tests/helpers/start-test-server';
import { summary } from './stats';

const ROUNDS = 20_000;
/** Answers timed together, so that one sample is well above the timer's resolution. */
const PER_SAMPLE = 10;

const server = await startTestServer();
try {
  const cookie = await server.login();
  const board = (await api(server, 'GET', '/api/board', { cookie })).body as { indicators: Array<{ id: number; code: string; measure: string }> };
  const count = board.indicators.find((indicator) => indicator.measure === 'count')!;
  const recorded = await api(server, 'POST', `/api/indicators/${count.id}/readings`, { body: { date: '2026-11-27', value: 7, note: 'Tháng 11' }, cookie });
  const batch = await api(server, 'POST', '/api/readings', { body: { readings: [{ code: count.code, date: '2026-11-26', value: 1 }] }, cookie });
  if (recorded.status !== 201 || batch.status !== 201) throw new Error(`answered ${recorded.status} and ${batch.status}`);

  const zodSerializer = (schema: ZodType, url: string) => serializerCompiler({ schema, method: 'POST', url, httpStatus: '201' });
  const cases = [
    { name: 'one reading (201)', answer: recorded.body as unknown, checked: zodSerializer(recordedReadingSchema, '/api/indicators/:id/readings') },
    { name: 'batch (201)', answer: batch.body as unknown, checked: zodSerializer(readingsBatchResultSchema, '/api/readings') },
  ];
  const rows = [];
  for (const { name, answer, checked } of cases) {
    const bytes = JSON.stringify(answer).length;
    if (checked(answer) !== JSON.stringify(answer)) throw new Error(`${name}: the checked answer differs from the answer sent`);
    const time = (serialise: (answer: unknown) => string) => {
      const samples: number[] = [];
      for (let round = 0; round < ROUNDS / PER_SAMPLE; round++) {
        const started = performance.now();
        for (let i = 0; i < PER_SAMPLE; i++) serialise(answer);
        samples.push(((performance.now() - started) / PER_SAMPLE) * 1000);
      }
      return samples;
    };
    // Warm both paths first: the JIT, and zod's compiled checks.
    time((value) => JSON.stringify(value));
    time(checked);
    const plain = summary(`baseline: ${name}, JSON.stringify (as sent), ${bytes} bytes`, time((value) => JSON.stringify(value)));
    const zod = summary(`${name}, zod safeEncode + JSON.stringify (checked)`, time(checked));
    rows.push(plain, zod);
    console.log(`${name}: checking adds ${(zod.p50 - plain.p50).toFixed(1)} µs an answer at p50 (${(zod.p50 / plain.p50).toFixed(2)}× the serialisation)`);
  }
  console.log('');
  const width = Math.max(...rows.map((row) => row.label.length));
  console.log(`${'measure (an answer)'.padEnd(width)}  ${'n'.padStart(5)}  ${'p50 µs'.padStart(8)}  ${'p99 µs'.padStart(8)}`);
  for (const row of rows) console.log(`${row.label.padEnd(width)}  ${String(row.n).padStart(5)}  ${row.p50.toFixed(1).padStart(8)}  ${row.p99.toFixed(1).padStart(8)}`);
} finally {
  await server.close();
}
