import { toShanghaiDate } from '@firstset/domain';
import { renderPdf } from '@firstset/service-kit';
import { SummaryView } from './summary-view';

/** The prefecture's recommendation letter to the Department, listing the summary's entries (M7.3); a supplement's says 补报. */
export function recommendationLetterPdf(s: SummaryView): Promise<Buffer> {
  const supplement = s.sequence > 0;
  const intro = supplement
    ? `根据《${s.batchName}》有关要求，在我单位已报送的汇总基础上，对在补正期限内重新报送并经初审符合条件的 ${s.entries.length} 项产品补充推荐如下（第 ${s.sequence} 次补报）：`
    : `根据《${s.batchName}》有关要求，我单位对本地区申报材料进行了初审（M7.3、M12.1），现将符合条件的 ${s.entries.length} 项产品汇总推荐如下：`;
  const date = s.submittedAt ? toShanghaiDate(new Date(s.submittedAt)) : '（未报送 / not yet submitted）';
  const body = [
    [{ text: '序号', bold: true }, { text: '申请单位', bold: true }, { text: '产品名称及型号', bold: true }, { text: '推荐意见', bold: true }],
    ...s.entries.map((e) => [String(e.order), e.enterprise.name, `${e.product.name}（${e.product.model}）`, e.opinion]),
  ];
  return renderPdf({
    info: { title: `${s.prefectureName}推荐函` },
    content: [
      { text: `关于${supplement ? '补报' : '推荐'}${s.year}年度首台（套）技术装备、关键零部件和新材料首批（次）的函`, bold: true, fontSize: 15, alignment: 'center', margin: [0, 0, 0, 16] },
      { text: '自治区工业和信息化厅：' },
      { text: intro, margin: [0, 8, 0, 8] },
      { table: { headerRows: 1, widths: [30, '*', '*', '*'], body } },
      { text: `${s.prefectureName}工业和信息化局`, alignment: 'right', margin: [0, 24, 0, 0] },
      { text: `签发：${s.signerName ?? '—'}\u3000日期：${date}`, alignment: 'right' },
    ],
  });
}
