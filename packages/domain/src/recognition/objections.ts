import type { Label } from '../lifecycle/vocabulary';

/**
 * An objection to an entry of a publicized list, handled by the Department as a case (M9.2, M9.3;
 * the Measures are silent on the procedure, see ADR 0025): received, then found inadmissible or
 * investigated, and an investigation ends upheld (the entry leaves the list) or dismissed.
 */
export const OBJECTION_STATUSES = ['received', 'inadmissible', 'under_investigation', 'upheld', 'dismissed'] as const;
export type ObjectionStatus = (typeof OBJECTION_STATUSES)[number];

export const OBJECTION_STATUS_LABELS: Record<ObjectionStatus, Label> = {
  received: { zh: '已受理登记', en: 'Received' },
  inadmissible: { zh: '不予受理', en: 'Inadmissible' },
  under_investigation: { zh: '调查核实中', en: 'Under investigation' },
  upheld: { zh: '异议成立', en: 'Upheld' },
  dismissed: { zh: '异议不成立', en: 'Dismissed' },
};

/** Where each status may go next; the last three are final. */
export const OBJECTION_TRANSITIONS: Readonly<Record<ObjectionStatus, readonly ObjectionStatus[]>> = {
  received: ['inadmissible', 'under_investigation'],
  under_investigation: ['upheld', 'dismissed'],
  inadmissible: [],
  upheld: [],
  dismissed: [],
};

export const canMoveObjection = (from: ObjectionStatus, to: ObjectionStatus): boolean => OBJECTION_TRANSITIONS[from].includes(to);

/** An objection not yet closed holds its entry back: it is neither recognized nor removed (M9.3). */
export const objectionHolds = (status: ObjectionStatus): boolean => status === 'received' || status === 'under_investigation';

/** Whom the Department asks during an investigation, each answering within a deadline. */
export const INQUIRY_PARTIES = ['prefecture', 'institution', 'enterprise'] as const;
export type InquiryParty = (typeof INQUIRY_PARTIES)[number];

export const INQUIRY_PARTY_LABELS: Record<InquiryParty, Label> = {
  prefecture: { zh: '盟市工业和信息化主管部门', en: 'Prefecture industry department' },
  institution: { zh: '第三方评审机构', en: 'Third-party institution' },
  enterprise: { zh: '申请企业', en: 'Applicant enterprise' },
};

/**
 * Whether an objection lodged at `at` is in time: from the start of the publicity until it is over
 * (00:00 China time after its last working day). Anything later is refused with the end date.
 */
export function objectionInTime(publicity: { startsAt: Date; endsAt: Date }, at: Date): 'too_early' | 'in_time' | 'too_late' {
  if (at < publicity.startsAt) return 'too_early';
  return at < publicity.endsAt ? 'in_time' : 'too_late';
}

const RECEIPT_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/**
 * The receipt number an objector follows the case with: `YYYY-XXXX-XXXX` from 8 random symbols
 * of an alphabet without 0/O/1/I (read aloud on the phone). `random` gives 8 bytes.
 */
export function objectionReceiptNo(year: number, random: Uint8Array): string {
  if (random.length < 8) throw new RangeError('objectionReceiptNo needs 8 random bytes');
  const symbols = Array.from(random.slice(0, 8), (b) => RECEIPT_ALPHABET[b % RECEIPT_ALPHABET.length]).join('');
  return `${year}-${symbols.slice(0, 4)}-${symbols.slice(4)}`;
}
