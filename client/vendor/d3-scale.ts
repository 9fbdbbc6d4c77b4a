/*
 * What Recharts gets for `victory-vendor/d3-scale` (aliased in vite.config.ts). Recharts looks a
 * scale up by name in the whole module (`import * as d3Scales`), which keeps every d3 scale and
 * d3-time/d3-time-format in the screen's bundle (~8 kB gzipped). Our charts use linear axes
 * (client/components/trend/TermChart.tsx); point and band keep category axes working. An axis
 * asking for another scale by name falls back to Recharts' `point`: pass the scale function itself
 * (`scale={scaleLog()}`) or add it here.
 */
export { scaleBand, scaleLinear, scalePoint } from 'd3-scale';
