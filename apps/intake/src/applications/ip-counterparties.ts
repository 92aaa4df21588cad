import { ApplicationPartnerV1, IP_BASES_WITH_COUNTERPARTY, IpRightV1 } from '@firstset/contracts';
import { normalizeUscc, parseUscc } from '@firstset/domain';
import { IntakeErrors } from '../intake.errors';
import type { CheckProblem } from './pre-submission-check';

const heldFromOthers = (basis: string) => (IP_BASES_WITH_COUNTERPARTY as readonly string[]).includes(basis);

/**
 * Save time (M5.3): an IP list's counterparties as stored. A counterparty belongs to an assigned
 * or licensed right only (refused on an owned one); its name is trimmed and its optional code
 * normalized and checked by GB 32100 (length, alphabet, division code: a refusal; a failed check
 * character only a warning in the check, as for the enterprise's own code). A missing
 * counterparty is not refused here: a draft may be incomplete, and the check blocks it.
 */
export function storedIpList(ipList: IpRightV1[]): IpRightV1[] {
  return ipList.map((ip, i) => {
    if (!ip.counterparty) return ip;
    if (!heldFromOthers(ip.basis)) throw IntakeErrors.ipCounterpartyNotApplicable(i);
    const { name, uscc } = ip.counterparty;
    if (uscc === undefined) return { ...ip, counterparty: { name: name.trim() } };
    const code = parseUscc(uscc);
    if (!code.valid) {
      const errors = code.issues.filter((x) => x.severity === 'error');
      throw IntakeErrors.ipCounterpartyUsccInvalid(i, errors.map((x) => x.message).join(''), errors.map((x) => x.messageEn).join(' '));
    }
    return { ...ip, counterparty: { name: name.trim(), uscc: code.code } };
  });
}

/**
 * Check time (M5.3): each assigned or licensed right names who assigned or licensed it (blocking);
 * a counterparty code whose check character fails is a warning for the applicant to look at.
 */
export function ipCounterpartyProblems(ipList: IpRightV1[] | undefined): CheckProblem[] {
  return (ipList ?? []).flatMap((ip, i): CheckProblem[] => {
    if (!heldFromOthers(ip.basis)) return [];
    const n = i + 1;
    if (!ip.counterparty?.name?.trim())
      return [
        {
          code: 'M5.3_IP_COUNTERPARTY_MISSING',
          severity: 'blocking',
          measuresId: 'M5.3',
          field: 'ipList',
          message: `第 ${n} 项知识产权为受让取得，请填写转让方或许可方名称`,
          messageEn: `IP right ${n} is held by assignment or licence: name its assignor or licensor`,
        },
      ];
    if (ip.counterparty.uscc && !parseUscc(ip.counterparty.uscc).checkCharacterOk)
      return [
        {
          code: 'M5.3_IP_COUNTERPARTY_USCC_CHECK_CHARACTER',
          severity: 'warning',
          measuresId: 'M5.3',
          field: 'ipList',
          message: `第 ${n} 项知识产权的转让方或许可方统一社会信用代码校验位不符，请核对`,
          messageEn: `The check character of IP right ${n}'s assignor or licensor code fails; check the code`,
        },
      ];
    return [];
  });
}

/**
 * The application's partners and licensors as the comprehensive review's conflict check takes
 * them (M11.1): the counterparties of its assigned and licensed rights, one per code (or per
 * name when without one), in list order.
 */
export function partnersOf(ipList: IpRightV1[] | undefined): ApplicationPartnerV1[] {
  const seen = new Set<string>();
  const out: ApplicationPartnerV1[] = [];
  for (const ip of ipList ?? []) {
    const c = ip.counterparty;
    if (!c || !heldFromOthers(ip.basis) || !c.name?.trim()) continue;
    const uscc = c.uscc ? normalizeUscc(c.uscc) : undefined;
    const key = uscc ?? `name:${c.name.trim()}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ name: c.name.trim(), ...(uscc ? { uscc } : {}) });
  }
  return out.slice(0, 100);
}
