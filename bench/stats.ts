/** Percentile by nearest rank of a list of durations (ms). */
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export function summary(label: string, samples: number[]): { label: string; p50: number; p99: number; n: number } {
  return { label, p50: percentile(samples, 50), p99: percentile(samples, 99), n: samples.length };
}

export function printTable(rows: Array<{ label: string; p50: number; p99: number; n: number }>): void {
  const width = Math.max(...rows.map((r) => r.label.length));
  console.log(`${'measure'.padEnd(width)}  ${'n'.padStart(4)}  ${'p50 ms'.padStart(8)}  ${'p99 ms'.padStart(8)}`);
  for (const r of rows) {
    console.log(`${r.label.padEnd(width)}  ${String(r.n).padStart(4)}  ${r.p50.toFixed(2).padStart(8)}  ${r.p99.toFixed(2).padStart(8)}`);
  }
}

export async function timeEach(n: number, run: () => Promise<unknown> | unknown): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  return samples;
}
