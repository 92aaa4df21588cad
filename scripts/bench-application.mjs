// What the benchmarks submit: complete applications (issue 13). Every declaration of M2, M5 and M6
// answered, a real one-page PDF for every slot that applies (M7.4), the truthfulness pledge signed
// (M10.1). The answers and slots come from @firstset/testing, the same fixtures the tests use.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { completeDeclarations, completeFormFields, CURRENT_PLEDGE_VERSION, requiredSlots } = require('@firstset/testing');

export { completeDeclarations, completeFormFields, CURRENT_PLEDGE_VERSION, requiredSlots };

/** A valid one-page PDF (cross-reference offsets computed), with a line of text. */
export function onePagePdf(text = 'bench') {
  const content = `BT /F1 18 Tf 40 80 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 420 160] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** Uploads one small PDF into every required slot of the draft, through the gateway. */
export async function uploadEverySlot(base, token, applicationId, pdf = onePagePdf()) {
  for (const slot of requiredSlots()) {
    const res = await fetch(`${base}/applications/${applicationId}/materials/${slot}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(`${slot}.pdf`) },
      body: pdf,
    });
    if (res.status !== 201) throw new Error(`upload ${slot}: ${res.status} ${await res.text()}`);
  }
}
