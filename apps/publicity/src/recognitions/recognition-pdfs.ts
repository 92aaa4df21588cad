import type { RecognitionDocumentViewV1 } from '@firstset/contracts';
import { renderPdf } from '@firstset/service-kit';
import { Recognition } from '../generated/prisma/client';
import { chineseDate, kindZh } from './recognition-document';

const RED = '#D70C19';
const A4_WIDTH = 595.28;
const MARGIN = 72;


/**
 * The recognition document in GB/T 9704's layout (M9.3): the red 发文机关标志, the 发文字号 under it
 * over the red rule, the title, the body, then the issuer and the 成文日期. A draft says so in the
 * number's and the date's place and across the page.
 */
export function recognitionDocumentPdf(d: RecognitionDocumentViewV1): Promise<Buffer> {
  const draft = d.status === 'draft';
  const [salutation, ...paragraphs] = d.body.split('\n');
  return renderPdf({
    info: { title: d.documentNo ?? `${d.title}（草稿）` },
    pageSize: 'A4',
    pageMargins: [MARGIN, MARGIN, MARGIN, MARGIN],
    ...(draft ? { watermark: { text: '草稿 DRAFT', color: RED, opacity: 0.12, bold: true } } : {}),
    content: [
      { text: `${d.issuerZh}文件`, color: RED, fontSize: 26, bold: true, alignment: 'center', margin: [0, 24, 0, 24], characterSpacing: 2 },
      { text: d.documentNo ?? '（草稿，印发时编号）', alignment: 'center', fontSize: 14 },
      { canvas: [{ type: 'line', x1: 0, y1: 6, x2: A4_WIDTH - 2 * MARGIN, y2: 6, lineWidth: 2, lineColor: RED }], margin: [0, 0, 0, 24] },
      { text: d.title, fontSize: 18, bold: true, alignment: 'center', margin: [0, 0, 0, 18] },
      { text: salutation ?? '', fontSize: 14, margin: [0, 0, 0, 6] },
      ...paragraphs.map((p) => ({ text: p, fontSize: 14, leadingIndent: /^\d+\. /.test(p) ? 0 : 28, lineHeight: 1.4, margin: [0, 0, 0, 4] })),
      { text: d.issuerZh, fontSize: 14, alignment: 'right', margin: [0, 36, 0, 4] },
      { text: d.documentDate ? chineseDate(d.documentDate) : '（成文日期：印发时填写）', fontSize: 14, alignment: 'right' },
    ],
  });
}

/**
 * A recognized product's certificate (M9.3): its number, the enterprise and product, the document
 * that recognized it and the validity (M13.2), and a QR code of its public verification URL (M13.1),
 * printed in words too for a reader without a scanner.
 */
export function certificatePdf(r: Recognition, issuerZh: string, verifyUrl: string): Promise<Buffer> {
  const row = (label: string, value: string) => [{ text: label, bold: true }, value];
  return renderPdf({
    info: { title: `认定证书 ${r.certificateNo ?? ''}` },
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [60, 50, 60, 50],
    content: [
      { text: '认定证书', fontSize: 30, bold: true, color: RED, alignment: 'center', margin: [0, 0, 0, 6] },
      { text: '首台（套）技术装备、首批（次）关键零部件和新材料', fontSize: 14, alignment: 'center', margin: [0, 0, 0, 16] },
      {
        columns: [
          {
            width: '*',
            table: {
              widths: [110, '*'],
              body: [
                row('证书编号', r.certificateNo ?? ''),
                row('企业名称', r.enterpriseName),
                row('统一社会信用代码', r.uscc),
                row('产品名称', r.productName),
                row('型号', `${r.series} ${r.model}`),
                row('认定类别', kindZh(r.productKind)),
                row('认定文件', `${r.documentNo}（${chineseDate(r.documentDate)}）`),
                row('有效期', `${chineseDate(r.validFrom)}至${chineseDate(r.validUntil)}`),
              ],
            },
            layout: 'lightHorizontalLines',
          },
          { width: 150, stack: [{ qr: verifyUrl, fit: 140, alignment: 'center' }, { text: '扫码查验', alignment: 'center', fontSize: 9, margin: [0, 4, 0, 0] }] },
        ],
        columnGap: 24,
      },
      { text: `查验网址：${verifyUrl}`, fontSize: 9, margin: [0, 18, 0, 0] },
      { text: issuerZh, fontSize: 14, alignment: 'right', margin: [0, 18, 0, 4] },
      { text: chineseDate(r.documentDate), fontSize: 14, alignment: 'right' },
    ],
  });
}
