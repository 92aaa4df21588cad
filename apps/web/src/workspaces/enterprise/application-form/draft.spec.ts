import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import type { ApplicationDraft } from '../../../shared/api/views';
import { fieldPath, formFieldOf, groupsOf, stepOf, toFormValues, toPatch } from './draft';

const app = (draft: ApplicationDraft['draft']): ApplicationDraft =>
  ({
    id: 'a', applicationNo: 'n', batchId: 'b', productKind: 'FIRST_SET_EQUIPMENT', productName: '矿用自卸车', series: 'S', model: 'M',
    rdCompletedOn: '2026-03-15', state: 'DRAFT', stateLabel: { zh: '草稿', en: 'Draft' }, submittedAt: null, version: 1, revision: 3, draft,
  }) as ApplicationDraft;

describe('the draft form', () => {
  it('round-trips the saved draft through the form', () => {
    const saved = app({
      catalogueEntryCode: 'EF04',
      firstSale: { date: '2026-05-20', customer: '某煤矿' },
      innovationPoints: ['一'],
      performanceIndicators: [{ name: '载重', value: '220' }],
      declarations: { operatingNormally: true, safetyAccidentDates: [] },
    });
    const values = toFormValues(saved);
    expect(values.accidents).toEqual({ safety: false, environmental: undefined });
    const { body } = toPatch(values, ['catalogueEntryCode', 'firstSale', 'innovationPoints', 'performanceIndicators', 'declarations', 'rdCompletedOn']);
    expect(body).toEqual({
      catalogueEntryCode: 'EF04',
      firstSale: { date: '2026-05-20', customer: '某煤矿' },
      innovationPoints: ['一'],
      performanceIndicators: [{ name: '载重', value: '220' }],
      declarations: { operatingNormally: true, safetyAccidentDates: [] },
      rdCompletedOn: '2026-03-15',
    });
  });

  it('M2.1 round-trips the breakthroughs and equipment form, leaving out empty breakthrough rows', () => {
    const saved = app({ declarations: { equipmentForm: 'single_machine', breakthroughs: [{ kind: 'structure', description: '整体式车架' }] } });
    const values = toFormValues(saved);
    expect(values.declarations?.breakthroughs).toEqual([{ kind: 'structure', description: '整体式车架' }]);
    values.declarations!.breakthroughs = [...(values.declarations!.breakthroughs as object[]), { kind: 'process' }, {}] as never;
    const { body } = toPatch(values, ['declarations']);
    expect(body.declarations).toEqual({ equipmentForm: 'single_machine', breakthroughs: [{ kind: 'structure', description: '整体式车架' }, { kind: 'process' }] });
  });

  it('M5.3 sends the assignor or licensor of an assigned or licensed right only, trimmed, its code upper-cased, and maps its errors back', () => {
    const { body, rows } = toPatch(
      {
        ipList: [
          { kind: 'invention_patent', number: 'ZL1', title: '甲', basis: 'owned', counterparty: { name: '留在表单里的旧值' } },
          undefined,
          { kind: 'invention_patent', number: 'ZL2', title: '乙', basis: 'assigned_use_right', counterparty: { name: ' 北京某研究院有限公司 ', uscc: ' 91110108ma01xxxxxb ' } },
          { kind: 'utility_model', number: 'ZL3', title: '丙', basis: 'assigned_ownership', counterparty: { name: '', uscc: '' } },
        ],
      },
      ['ipList'],
    );
    expect(body.ipList).toEqual([
      { kind: 'invention_patent', number: 'ZL1', title: '甲', basis: 'owned' },
      { kind: 'invention_patent', number: 'ZL2', title: '乙', basis: 'assigned_use_right', counterparty: { name: '北京某研究院有限公司', uscc: '91110108MA01XXXXXB' } },
      { kind: 'utility_model', number: 'ZL3', title: '丙', basis: 'assigned_ownership' },
    ]);
    expect(fieldPath('ipList.1.counterparty.uscc', rows)).toEqual(['ipList', 2, 'counterparty', 'uscc']);
  });

  it('leaves out rows not started and maps server errors back to the form row', () => {
    const { body, rows } = toPatch({ performanceIndicators: [{}, { name: '载重', value: '' }, undefined, { value: ' 1 ' }] }, ['performanceIndicators']);
    expect(body.performanceIndicators).toEqual([{ name: '载重' }, { value: '1' }]);
    expect(fieldPath('performanceIndicators.1.name', rows)).toEqual(['performanceIndicators', 3, 'name']);
    expect(fieldPath('firstSale.customer')).toEqual(['firstSale', 'customer']);
  });

  it('clears a first sale left blank and sends accident dates only when declared', () => {
    const values = { firstSale: { customer: ' ' }, accidents: { safety: true, environmental: false }, declarations: { safetyAccidentDates: [dayjs('2025-01-02')] } };
    expect(toPatch(values, ['firstSale', 'declarations']).body).toEqual({
      firstSale: null,
      declarations: { safetyAccidentDates: ['2025-01-02'], environmentalAccidentDates: [] },
    });
  });

  it('knows the group, the step and the control of what the server or the check names', () => {
    expect(groupsOf({ accidents: {}, productName: 'x', other: 1 })).toEqual(['declarations', 'productName']);
    expect(stepOf({ field: 'declarations.ownRd' })).toBe(1);
    expect(stepOf({ slotId: 'testReport' })).toBe(2);
    expect(stepOf({ field: 'rdCompletedOn' })).toBe(0);
    expect(formFieldOf('declarations.hasCccCertificate', { declarations: {} })).toEqual(['declarations', 'cccApplies']);
    expect(formFieldOf('declarations.hasCccCertificate', { declarations: { cccApplies: true } })).toEqual(['declarations', 'hasCccCertificate']);
    expect(formFieldOf('declarations.safetyAccidentDates', {})).toEqual(['accidents', 'safety']);
    expect(formFieldOf('catalogueVersion', {})).toEqual(['catalogueEntryCode']);
  });

  it('M7.3 holds one answer per returned item, saved ones filled in, and sends every item with its trimmed answer', () => {
    const returned = {
      ...app({}),
      state: 'RETURNED_FOR_CORRECTION',
      correction: { items: [{ item: 'testReport', reason: '缺资质页' }, { item: 'productName', reason: '名称不一致' }], deadline: '2026-12-10', answers: [{ item: 'productName', answer: '已更正' }] },
    } as ApplicationDraft;
    const values = toFormValues(returned);
    expect(values.correctionAnswers).toEqual([{ item: 'testReport', answer: '' }, { item: 'productName', answer: '已更正' }]);
    expect(toFormValues({ ...returned, state: 'DRAFT' }).correctionAnswers).toBeUndefined();
    values.correctionAnswers![0].answer = '  已补充  ';
    expect(groupsOf({ correctionAnswers: [] })).toEqual(['correctionAnswers']);
    expect(toPatch(values, ['correctionAnswers']).body).toEqual({
      correctionAnswers: [{ item: 'testReport', answer: '已补充' }, { item: 'productName', answer: '已更正' }],
    });
    expect(stepOf({ field: 'correctionAnswers.1' })).toBe(3);
    expect(formFieldOf('correctionAnswers.1', values)).toEqual(['correctionAnswers', 1, 'answer']);
  });
});
