import { INNER_MONGOLIA_DRAFT_PROFILE as IM } from '../policy/inner-mongolia-draft';
import { ALTERNATIVE_PROFILE as ALT } from '../testing/alternative-profile';
import {
  MaterialsApplicabilityInput,
  materialsApplicability,
  MaterialsChecklistInput,
  materialsChecklist,
  missingRequiredMaterials,
} from './materials-checklist';

const plain: MaterialsChecklistInput = {
  productKind: 'FIRST_SET_EQUIPMENT',
  ipSharedBySeveralParties: false,
  productionLicenceApplies: false,
  cccApplies: false,
};
const slots = (input: Partial<MaterialsChecklistInput>, profile = IM) =>
  materialsChecklist({ ...plain, ...input }, profile).map((i) => i.slotId);

describe('materials checklist (M7.4)', () => {
  it('M7.4 a product with no conditions needs the eight items without the conditional documents', () => {
    const list = materialsChecklist(plain, IM);
    expect(new Set(list.map((i) => i.item))).toEqual(new Set([1, 2, 3, 4, 5, 6, 7, 8]));
    expect(list.map((i) => i.slotId)).not.toEqual(expect.arrayContaining(['ipContracts']));
    expect(list.filter((i) => !i.required).map((i) => i.slotId)).toEqual(['otherSupportingMaterial']);
    expect(list.every((i) => i.measuresIds.length > 0)).toBe(true);
  });

  it.each([
    [
      'M7.4 IP shared by several parties adds the contracts',
      { ipSharedBySeveralParties: true },
      'ipContracts',
    ],
    [
      'M5.6 M7.4 a product under production licensing adds the licence',
      { productionLicenceApplies: true },
      'productionLicence',
    ],
    [
      'M5.6 M7.4 a product under compulsory certification adds the CCC certificate',
      { cccApplies: true },
      'cccCertificate',
    ],
  ])('%s', (_label, change, slot) => {
    expect(slots({})).not.toContain(slot);
    expect(slots(change)).toContain(slot);
    expect(materialsChecklist({ ...plain, ...change }, IM).find((i) => i.slotId === slot)?.required).toBe(
      true,
    );
  });

  it.each([
    ['FIRST_SET_EQUIPMENT', '内蒙古技术装备首台（套）产品认定申报书'],
    ['FIRST_BATCH_COMPONENT', '内蒙古关键零部件首批（次）产品认定申报书'],
    ['FIRST_BATCH_MATERIAL', '内蒙古新材料首批（次）产品认定申报书'],
  ] as const)('M7.4(1) the application form of a %s is the %s', (kind, name) => {
    expect(materialsChecklist({ ...plain, productKind: kind }, IM)[0]).toMatchObject({
      slotId: 'applicationForm',
      nameZh: name,
      required: true,
    });
  });

  it('M7.4 the second profile has its own materials list (no novelty search, CCC always)', () => {
    expect(slots({}, ALT)).not.toContain('noveltySearchReport');
    expect(slots({}, ALT)).toContain('cccCertificate');
  });

  it('M7.4 lists the required slots nothing was attached to', () => {
    const list = materialsChecklist({ ...plain, cccApplies: true }, IM);
    const attached = list
      .filter((i) => i.slotId !== 'cccCertificate' && i.slotId !== 'creditReport')
      .map((i) => i.slotId);
    expect(missingRequiredMaterials(list, attached).map((i) => i.slotId)).toEqual([
      'creditReport',
      'cccCertificate',
    ]);
    expect(
      missingRequiredMaterials(
        list,
        list.map((i) => i.slotId),
      ),
    ).toEqual([]);
  });
});

describe('materials applicability follows the declarations (M7.4, M5.6)', () => {
  const of = (input: Partial<MaterialsApplicabilityInput>) =>
    Object.fromEntries(materialsApplicability({ productKind: 'FIRST_SET_EQUIPMENT', ...input }, IM).map((s) => [s.slotId, s]));

  it.each([
    ['M5.6 M7.4 the production licence', 'productionLicence', 'productionLicenceApplies'],
    ['M5.6 M7.4 the CCC certificate', 'cccCertificate', 'cccApplies'],
    ['M7.4(4) the IP contracts', 'ipContracts', 'ipSharedBySeveralParties'],
  ] as const)('%s: required where declared, not applicable per the declaration where declared not, to verify where undeclared', (_l, slot, key) => {
    expect(of({ [key]: true })[slot]).toMatchObject({ applies: true, required: true, basis: 'declared_applies' });
    expect(of({ [key]: false })[slot]).toMatchObject({ applies: false, required: false, basis: 'declared_not_applicable' });
    expect(of({ [key]: false })[slot].reasonZh).toMatch(/^不适用（依申报声明）/);
    expect(of({})[slot]).toMatchObject({ applies: true, basis: 'not_declared' });
  });

  it('M7.4 lists every slot of the profile, the always-required ones as required', () => {
    const all = materialsApplicability({ productKind: 'FIRST_BATCH_MATERIAL' }, IM);
    expect(all.map((s) => s.slotId)).toEqual(IM.materials.map((m) => m.slotId));
    expect(all.find((s) => s.slotId === 'creditReport')).toMatchObject({ applies: true, required: true, basis: 'always' });
    expect(all.find((s) => s.slotId === 'otherSupportingMaterial')).toMatchObject({ applies: true, required: false, basis: 'optional' });
  });

  it('M7.4 agrees with the checklist on which slots apply once everything is declared', () => {
    const declared = { productKind: 'FIRST_SET_EQUIPMENT' as const, ipSharedBySeveralParties: true, productionLicenceApplies: false, cccApplies: true };
    expect(materialsApplicability(declared, IM).filter((s) => s.applies).map((s) => s.slotId)).toEqual(slots(declared));
  });
});
