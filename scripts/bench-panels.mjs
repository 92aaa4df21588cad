// Benchmark (npm run bench:panels): the panel solver of the comprehensive review (ADR 0021) on
// batches of 50, 100, 200 and 500 applications over pools of 20, 60 and 150 experts, panel size 3 and the
// Inner Mongolia profile's rules (2 field matches, at most 8 applications per expert and batch). One
// application in seven has a conflicted expert. Pure computation, no platform: needs
// packages/domain built (npx turbo run build --filter=@firstset/domain). Figures go to docs/benchmarks.md.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { INNER_MONGOLIA_REVIEW, solvePanels } = require(join(root, 'packages', 'domain', 'dist', 'index.js'));

const FIELDS = Array.from({ length: 18 }, (_, i) => `EF${String(i + 1).padStart(2, '0')}`);
const range = (n, f) => Array.from({ length: n }, (_, i) => f(i));

function input(apps, experts, seed) {
  return {
    applications: range(apps, (i) => ({ id: `a${i}`, fieldCode: FIELDS[i % FIELDS.length], excludedExpertIds: i % 7 === 0 ? [`e${i % experts}`] : [] })),
    // Each expert in two fields; a pool of 150 covers every field several times over.
    experts: range(experts, (i) => ({ id: `e${i}`, fieldCodes: [FIELDS[i % FIELDS.length], FIELDS[(i + 5) % FIELDS.length]], available: i % 29 !== 28, load: 0 })),
    rules: INNER_MONGOLIA_REVIEW,
    seed,
  };
}

const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = [];
for (const [apps, experts] of [[50, 20], [100, 60], [200, 60], [500, 150]]) {
  solvePanels(input(apps, experts, 'warm-up'));
  const times = [];
  let last;
  for (let run = 0; run < 5; run += 1) {
    const started = process.hrtime.bigint();
    last = solvePanels(input(apps, experts, `bench-${run}`));
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  const loads = Object.values(last.loads).filter((n) => n > 0);
  const matched = last.panels.filter((p) => !p.shortfalls.some((s) => s.kind === 'field_requirement_unmet')).length;
  rows.push({
    'applications × experts': `${apps} × ${experts}`,
    'median ms': median(times).toFixed(0),
    'max ms': Math.max(...times).toFixed(0),
    'seats filled': `${last.seatsFilled}/${last.seatsWanted}`,
    'field requirement met': `${matched}/${apps}`,
    'load min–max': `${Math.min(...loads)}–${Math.max(...loads)}`,
  });
}
console.table(rows);
