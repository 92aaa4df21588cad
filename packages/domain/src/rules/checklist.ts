import { MaterialSlotId } from '../policy/material-requirement';

/**
 * Eligibility (M5) and exclusion (M6) checks are checklists for a person, not a yes/no: each item
 * says whether the condition is met on the declared and checked facts, and what evidence verifies
 * it. 'met' means the facts given satisfy the condition (the prefecture still verifies them, M12.1);
 * 'needs_review' means a fact is missing or needs a human look.
 * For an exclusion item, the condition is “not excluded”: 'not_met' means the product is excluded.
 */
export type ChecklistResult = 'met' | 'not_met' | 'needs_review';

export interface ChecklistReason {
  code: string;
  message: string;
  messageEn: string;
}

export interface EvidenceNeeded {
  slotId?: MaterialSlotId;
  descriptionZh: string;
  descriptionEn: string;
}

export interface ChecklistItem<Id extends string = string> {
  id: Id;
  titleZh: string;
  titleEn: string;
  result: ChecklistResult;
  reasons: ChecklistReason[];
  evidence: EvidenceNeeded[];
}

/** Collects findings for one item; the worst finding decides the result. */
export class ItemBuilder<Id extends string> {
  private notMet = false;
  private flagged = false;
  private readonly reasons: ChecklistReason[] = [];

  constructor(
    private readonly id: Id,
    private readonly titleZh: string,
    private readonly titleEn: string,
    private readonly evidence: EvidenceNeeded[],
  ) {}

  fail(code: string, message: string, messageEn: string): this {
    this.notMet = true;
    this.reasons.push({ code, message, messageEn });
    return this;
  }

  flag(code: string, message: string, messageEn: string): this {
    this.flagged = true;
    this.reasons.push({ code, message, messageEn });
    return this;
  }

  /**
   * A condition stated positively (“经营状态正常”): true → fine; false → not met; undefined (not
   * yet established) → needs review.
   */
  check(value: boolean | undefined, code: string, conditionZh: string, conditionEn: string): this {
    if (value === false) return this.fail(code, `不满足：${conditionZh}`, `Not met: ${conditionEn}`);
    if (value === undefined)
      return this.flag(
        `${code}_UNKNOWN`,
        `待提供或核实：${conditionZh}`,
        `To be provided or verified: ${conditionEn}`,
      );
    return this;
  }

  build(): ChecklistItem<Id> {
    const result: ChecklistResult = this.notMet ? 'not_met' : this.flagged ? 'needs_review' : 'met';
    return {
      id: this.id,
      titleZh: this.titleZh,
      titleEn: this.titleEn,
      result,
      reasons: this.reasons,
      evidence: this.evidence,
    };
  }
}

export function overallResult(items: readonly ChecklistItem[]): ChecklistResult {
  if (items.some((i) => i.result === 'not_met')) return 'not_met';
  return items.some((i) => i.result === 'needs_review') ? 'needs_review' : 'met';
}
