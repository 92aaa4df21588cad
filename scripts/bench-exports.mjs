// Benchmark (npm run bench:exports): size and time of a prefecture's summary exports (M7.3), the
// Excel table and the PDF letter, for summaries of 1, 50 and 300 recommendations. The exports travel
// in a NATS reply (base64), so their size against the 1 MiB payload limit is the figure that matters.
// Needs the preliminary-review service built (npx turbo run build). Figures go to docs/benchmarks.md.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const dist = join(root, 'apps', 'preliminary-review', 'dist', 'summary');
const { recommendationLetterPdf } = require(join(dist, 'recommendation-letter.js'));
const { summaryTableXlsx } = require(join(dist, 'export-summary.js'));

const FIELDS = ['EF04', 'EF10', 'EF16', undefined];
function summary(n) {
  const entries = Array.from({ length: n }, (_, i) => ({
    order: i + 1,
    applicationId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    batchId: '00000000-0000-4000-8000-000000000000',
    applicationNo: `2026-150200-${String(i + 1).padStart(5, '0')}`,
    prefectureId: '150200',
    enterprise: { uscc: '91150200MA0N4KXX4C', name: `包头北方重型装备有限公司第${i + 1}分公司`, registeredAddress: '内蒙古自治区包头市青山区装备制造产业园区' },
    product: { kind: 'FIRST_SET_EQUIPMENT', name: '220吨电动轮矿用自卸车电驱动系统', series: 'NTE', model: `NTE${220 + i}`, rdCompletedOn: '2026-03-15' },
    opinion: '经审核，该产品技术指标达到国内领先水平，申报材料齐全、真实，同意推荐。',
    ...(FIELDS[i % FIELDS.length] ? { catalogueEntryCode: FIELDS[i % FIELDS.length] } : {}),
  }));
  return {
    batchId: entries[0]?.batchId, batchName: '2026年度首台（套）认定', year: 2026, prefectureId: '150200', prefectureName: '包头市',
    prefectureDeadline: '2026-12-15', status: 'SUBMITTED', late: false, summaryId: 's', signedOffBy: 'u', signerName: '包头市工信局 王局长',
    submittedAt: new Date().toISOString(), entries, sequence: 0, supplements: [], pendingSupplement: [],
  };
}

const LIMIT = 1024 * 1024;
console.log('entries | table bytes | table ms | letter bytes | letter ms | largest base64 / 1 MiB');
for (const n of [1, 50, 300]) {
  const s = summary(n);
  let t = performance.now();
  const table = await summaryTableXlsx(s);
  const tableMs = performance.now() - t;
  t = performance.now();
  const letter = await recommendationLetterPdf(s);
  const letterMs = performance.now() - t;
  const b64 = Math.ceil(Math.max(table.length, letter.length) / 3) * 4;
  console.log(`${n} | ${table.length} | ${tableMs.toFixed(0)} | ${letter.length} | ${letterMs.toFixed(0)} | ${(b64 / LIMIT).toFixed(2)}`);
}
