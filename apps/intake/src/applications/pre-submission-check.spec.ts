import { INNER_MONGOLIA_DRAFT_PROFILE, LocalDate } from '@firstset/domain';
import { completeFormFields } from '@firstset/testing';
import { preSubmissionCheck } from './pre-submission-check';

const input = (profile = INNER_MONGOLIA_DRAFT_PROFILE) => ({
  snapshot: { productKind: 'FIRST_SET_EQUIPMENT', productName: '矿用车', series: 'ZK', model: 'ZK-1', rdCompletedOn: '2026-03-01', ...completeFormFields() },
  applicationDate: '2026-06-01' as LocalDate,
  enterprise: { uscc: '91150200MA0N4KXX4C', addressDivisionCode: '150204' },
  priors: [],
  attachedSlots: [],
  profile,
});

describe('materials at submission follow the profile (M7.4)', () => {
  it('M7.4 under the Inner Mongolia profile a missing material blocks at its slot', () => {
    const check = preSubmissionCheck(input());
    expect(check.canSubmit).toBe(false);
    expect(check.materialsRequiredAtSubmission).toBe(true);
    expect(check.problems.filter((p) => p.severity === 'blocking').every((p) => p.code === 'M7.4_MATERIAL_MISSING' && p.slotId)).toBe(true);
  });

  it('M7.4 a pilot profile with the requirement off lets it through with the missing materials as warnings, and says so', () => {
    const check = preSubmissionCheck(input({ ...INNER_MONGOLIA_DRAFT_PROFILE, materialsRequiredAtSubmission: false }));
    expect(check.canSubmit).toBe(true);
    expect(check.materialsRequiredAtSubmission).toBe(false);
    expect(check.problems.filter((p) => p.code === 'M7.4_MATERIAL_MISSING').every((p) => p.severity === 'warning')).toBe(true);
    expect(check.problems.some((p) => p.code === 'M7.4_MATERIAL_MISSING')).toBe(true);
  });

  it('M10.1 the check names the pledge of the profile', () => {
    expect(preSubmissionCheck(input()).pledge).toBe(INNER_MONGOLIA_DRAFT_PROFILE.truthfulnessPledge);
  });
});
