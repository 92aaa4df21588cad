import type { ApplicationDraft, Material } from '../../../shared/api/views';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export interface ReceiptWords {
  title: string;
  rows: Array<[string, string]>;
  materialsTitle: string;
  materialHeads: [string, string, string];
  note: string;
}

/**
 * The submission receipt as a small self-contained HTML page: the application number, the time,
 * the product and every file with its SHA-256 (the gateway returns no hash of the whole submission).
 */
export function receiptHtml(words: ReceiptWords, materials: Array<Pick<Material, 'fileName' | 'sha256'> & { slot: string }>, lang: string): string {
  const rows = words.rows.map(([k, v]) => `<tr><th>${esc(k)}</th><td>${esc(v)}</td></tr>`).join('');
  const files = materials
    .map((m) => `<tr><td>${esc(m.slot)}</td><td>${esc(m.fileName)}</td><td><code>${esc(m.sha256)}</code></td></tr>`)
    .join('');
  return `<!doctype html><html lang="${esc(lang)}"><head><meta charset="utf-8"><title>${esc(words.title)}</title>
<style>body{font-family:sans-serif;margin:32px;color:#222}table{border-collapse:collapse;margin:12px 0}th,td{border:1px solid #ccc;padding:6px 10px;text-align:left}code{font-size:12px}</style>
</head><body><h1>${esc(words.title)}</h1><table>${rows}</table>
${materials.length ? `<h2>${esc(words.materialsTitle)}</h2><table><tr>${words.materialHeads.map((h) => `<th>${esc(h)}</th>`).join('')}</tr>${files}</table>` : ''}
<p>${esc(words.note)}</p></body></html>`;
}

export const receiptName = (a: Pick<ApplicationDraft, 'applicationNo'>) => `申报回执-${a.applicationNo}.html`;
