import { CorrectionAnswerV1 } from '@firstset/contracts';
import { IntakeErrors } from '../intake.errors';

/** A return for correction as intake keeps it on the application (M7.3), with the enterprise's answers. */
export interface CorrectionRecord {
  items: Array<{ item: string; reason: string }>;
  deadline: string;
  returnedBy?: string;
  returnedAt?: string;
  answers?: CorrectionAnswerV1[];
  resubmittedAt?: string;
  resubmittedVersion?: number;
}

export const correctionOf = (value: unknown): CorrectionRecord | null =>
  value && typeof value === 'object' && Array.isArray((value as CorrectionRecord).items) ? (value as CorrectionRecord) : null;

/**
 * The answers after an autosave: each answer sent replaces that item's answer; the others stay.
 * An answer naming no item of the return, or one item twice, is refused at its field.
 */
export function mergeAnswers(correction: CorrectionRecord, sent: CorrectionAnswerV1[]): CorrectionAnswerV1[] {
  const asked = new Set(correction.items.map((i) => i.item));
  const seen = new Set<string>();
  const bad: Array<{ index: number; duplicate: boolean }> = [];
  sent.forEach((a, index) => {
    if (!asked.has(a.item)) bad.push({ index, duplicate: false });
    else if (seen.has(a.item)) bad.push({ index, duplicate: true });
    seen.add(a.item);
  });
  if (bad.length) throw IntakeErrors.badCorrectionAnswers(bad);
  const byItem = new Map((correction.answers ?? []).map((a) => [a.item, a.answer]));
  for (const a of sent) byItem.set(a.item, a.answer.trim());
  return correction.items.map((i) => ({ item: i.item, answer: byItem.get(i.item) ?? '' })).filter((a) => a.answer !== '');
}

/** The return's items still without an answer, with their position in the return. */
export function unansweredItems(correction: CorrectionRecord): Array<{ index: number; item: string; reason: string }> {
  const answered = new Set((correction.answers ?? []).filter((a) => a.answer.trim() !== '').map((a) => a.item));
  return correction.items.map((i, index) => ({ index, ...i })).filter((i) => !answered.has(i.item));
}
