import { addYearsClamped, LocalDate } from '../shared/local-date';
import { ComprehensiveReviewProfile } from './review-profile';

/**
 * Conflicts of interest between an expert and an application (M11.1: experts keep discipline and
 * withdraw where they are tied to the applicant). Two sources, as HotCRP and NIH keep them apart:
 * - declared: a tie the expert (or the institution for them) recorded, naming the enterprise, its
 *   group or a partner; and a conflict the expert declares when confirming an assignment;
 * - detected: what the records show without anyone saying so: the same employer, a former employer
 *   within the profile's years, the same group, the expert's employer being the enterprise's partner
 *   or licensor, the same prefecture when the profile says so.
 * Each conflict carries its reason in both languages. Pure: the caller brings the records and today.
 */

export const TIE_KINDS = ['employment', 'coauthorship', 'project', 'equity', 'family', 'other'] as const;
export type TieKind = (typeof TIE_KINDS)[number];

/** A tie the expert declared with an organization. `employment` ties are the employer history. */
export interface ExpertTie {
  kind: TieKind;
  counterpartyName: string;
  /** The organization's USCC when known: matched before the name. */
  counterpartyUscc?: string | null;
  /** For employment: first and last day; `until` null = still there. */
  from?: LocalDate | null;
  until?: LocalDate | null;
  note?: string | null;
}

export interface ConflictExpert {
  id: string;
  employerName: string;
  employerUscc?: string | null;
  /** The prefecture (6-digit division code) where the expert lives and works; null = outside the region. */
  regionCode?: string | null;
  ties: readonly ExpertTie[];
}

export interface Organization {
  name: string;
  uscc?: string | null;
}

/** The application's side: the enterprise, its group, and its partners and licensors as listed. */
export interface ConflictParty {
  applicationId: string;
  enterprise: Organization;
  /** Other members of the enterprise's group (parent, subsidiaries), by USCC or name. */
  group?: readonly Organization[];
  /** The partners and licensors the application lists (IP contracts, joint development). */
  partners?: readonly Organization[];
  prefectureId: string;
}

export const CONFLICT_KINDS = ['same_employer', 'former_employer', 'same_group', 'partner', 'same_prefecture', 'declared_tie', 'declared_on_assignment'] as const;
export type ConflictKind = (typeof CONFLICT_KINDS)[number];

export interface Conflict {
  expertId: string;
  applicationId: string;
  source: 'declared' | 'detected';
  kind: ConflictKind;
  reasonZh: string;
  reasonEn: string;
}

export type ConflictRules = Pick<ComprehensiveReviewProfile, 'formerEmployerYears' | 'samePrefectureConflict'>;

/** Names compared without spaces and with full-width brackets folded: 「某某（集团）有限公司」 = 「某某(集团)有限公司」. */
export function normalizeOrgName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\s\u3000]+/g, '')
    .toLowerCase();
}

export function sameOrganization(a: Organization, b: Organization): boolean {
  if (a.uscc && b.uscc) return a.uscc.toUpperCase() === b.uscc.toUpperCase();
  const an = normalizeOrgName(a.name);
  return an.length > 0 && an === normalizeOrgName(b.name);
}

const TIE_ZH: Record<TieKind, string> = { employment: '任职', coauthorship: '合作发表', project: '合作项目', equity: '持股', family: '亲属关系', other: '其他关系' };
const TIE_EN: Record<TieKind, string> = { employment: 'employment', coauthorship: 'co-authorship', project: 'a joint project', equity: 'equity', family: 'a family tie', other: 'another tie' };

/** Every conflict between the expert and the application on `today`; empty when none. */
export function conflictsOf(expert: ConflictExpert, party: ConflictParty, rules: ConflictRules, today: LocalDate): Conflict[] {
  const out: Conflict[] = [];
  const add = (source: Conflict['source'], kind: ConflictKind, reasonZh: string, reasonEn: string) =>
    out.push({ expertId: expert.id, applicationId: party.applicationId, source, kind, reasonZh, reasonEn });
  const enterprise = party.enterprise;
  const group = party.group ?? [];
  const partners = party.partners ?? [];
  const employer: Organization = { name: expert.employerName, uscc: expert.employerUscc };

  if (sameOrganization(employer, enterprise)) add('detected', 'same_employer', `专家现任职于申报单位「${enterprise.name}」`, `The expert works for the applicant, ${enterprise.name}`);
  const groupMember = group.find((g) => sameOrganization(employer, g));
  if (groupMember) add('detected', 'same_group', `专家任职单位「${groupMember.name}」与申报单位同属一个集团`, `The expert's employer, ${groupMember.name}, is in the applicant's group`);
  const partner = partners.find((p) => sameOrganization(employer, p));
  if (partner) add('detected', 'partner', `专家任职单位「${partner.name}」是申报产品的合作方或许可方`, `The expert's employer, ${partner.name}, is a partner or licensor of the application`);

  const since = addYearsClamped(today, -rules.formerEmployerYears);
  for (const tie of expert.ties) {
    const org: Organization = { name: tie.counterpartyName, uscc: tie.counterpartyUscc };
    const target = sameOrganization(org, enterprise) ? enterprise : (group.find((g) => sameOrganization(org, g)) ?? partners.find((p) => sameOrganization(org, p)));
    if (!target) continue;
    if (tie.kind === 'employment') {
      const current = !tie.until || tie.until >= today;
      if (current) {
        if (!sameOrganization(employer, target)) add('detected', 'same_employer', `专家任职于「${target.name}」（任职记录）`, `The expert works for ${target.name} (employment record)`);
      } else if (tie.until! >= since) {
        add('detected', 'former_employer', `专家 ${tie.until} 前任职于「${target.name}」，未满 ${rules.formerEmployerYears} 年`, `The expert worked for ${target.name} until ${tie.until}, within ${rules.formerEmployerYears} years`);
      }
      continue;
    }
    add('declared', 'declared_tie', `专家申报与「${target.name}」存在${TIE_ZH[tie.kind]}${tie.note ? `：${tie.note}` : ''}`, `The expert declared ${TIE_EN[tie.kind]} with ${target.name}${tie.note ? `: ${tie.note}` : ''}`);
  }

  if (rules.samePrefectureConflict && expert.regionCode && expert.regionCode === party.prefectureId)
    add('detected', 'same_prefecture', '专家与申报单位在同一盟市', 'The expert and the applicant are in the same prefecture');
  return out;
}
