import { DomainError } from '../shared/errors';

/**
 * Unified social credit code, GB 32100-2015: 1 registration authority + 1 entity type + 6 division
 * code + 9 organization code (GB 11714, with its own check) + 1 check character.
 *
 * Real codes break the neat rules, and the platform must not lock out lawful enterprises:
 * - some early pilot codes fail the check character yet are on a valid licence: a failed check is a
 *   warning for the prefecture to verify against the licence, not a refusal (valid stays true);
 * - the division code may be one no official list holds (development zones): the prefecture comes
 *   from its first four digits;
 * - the code never changes when an enterprise moves: it is a cross-check only; the registered
 *   address decides registration in the region (M5.1).
 */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
export const USCC_LENGTH = 18;
// Weight of position i (1-based) is 3^(i-1) mod 31 (GB 32100-2015 §5.2).
export const USCC_WEIGHTS: readonly number[] = Array.from({ length: 17 }, (_, i) => {
  let w = 1;
  for (let k = 0; k < i; k++) w = (w * 3) % 31;
  return w;
});
const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

export type UsccPart =
  | 'length'
  | 'alphabet'
  | 'registrationAuthority'
  | 'entityType'
  | 'divisionCode'
  | 'organizationCode'
  | 'checkCharacter';

export interface UsccIssue {
  severity: 'error' | 'warning';
  part: UsccPart;
  code: string;
  message: string;
  messageEn: string;
}

export type UsccEntityCategory =
  | 'enterprise'
  | 'sole_trader'
  | 'farmer_cooperative'
  | 'public_institution'
  | 'social_organization'
  | 'other';

export interface UsccRegistrationAuthority {
  code: string;
  nameZh: string;
  nameEn: string;
}

export interface UsccEntityType {
  code: string;
  nameZh: string;
  nameEn: string;
  category: UsccEntityCategory;
}

export interface UsccAnalysis {
  /** Trimmed, full-width characters folded to half-width, upper-case. */
  code: string;
  /** No error-severity issue: format is right. A failed check character alone does not clear it. */
  valid: boolean;
  checkCharacterOk: boolean;
  registrationAuthority: UsccRegistrationAuthority | null;
  entityType: UsccEntityType | null;
  /** Characters 3–8, or null when they are not six digits. */
  divisionCode: string | null;
  /** First four digits of the division code (e.g. '1502' Baotou). */
  prefectureDivision: string | null;
  /** Division starts with '15' (Inner Mongolia). A cross-check only: the address decides M5.1. */
  inRegion: boolean;
  /**
   * Whether the code shows an independent legal-person enterprise. false for sole traders (92) and
   * farmer cooperatives (93) — neither is an enterprise with independent legal-person status for
   * M5.1; 'unknown' otherwise, because branches (分公司) also get 91 codes: the business licence's
   * type field decides.
   */
  independentLegalPerson: boolean | 'unknown';
  entityCategory: UsccEntityCategory | null;
  issues: UsccIssue[];
}

interface AuthorityRow {
  nameZh: string;
  nameEn: string;
  types: Record<string, [string, string, UsccEntityCategory]>;
}

// GB 32100-2015 Annex A, as extended by the national registration-code rules for other authorities.
const AUTHORITIES: Record<string, AuthorityRow> = {
  '1': {
    nameZh: '机构编制',
    nameEn: 'institutional establishment',
    types: {
      '1': ['机关', 'government organ', 'public_institution'],
      '2': ['事业单位', 'public institution', 'public_institution'],
      '3': ['中央编办直接管理机构编制的群众团体', 'mass organization', 'social_organization'],
      '9': ['其他', 'other', 'other'],
    },
  },
  '2': {
    nameZh: '外交',
    nameEn: 'foreign affairs',
    types: {
      '1': ['外国常驻新闻机构', 'resident foreign news agency', 'other'],
      '9': ['其他', 'other', 'other'],
    },
  },
  '3': {
    nameZh: '司法行政',
    nameEn: 'judicial administration',
    types: {
      '1': ['律师执业机构', 'law firm', 'other'],
      '2': ['公证处', 'notary office', 'other'],
      '3': ['基层法律服务所', 'legal service office', 'other'],
      '4': ['司法鉴定机构', 'forensic institution', 'other'],
      '5': ['仲裁委员会', 'arbitration commission', 'other'],
      '9': ['其他', 'other', 'other'],
    },
  },
  '4': {
    nameZh: '文化',
    nameEn: 'culture',
    types: { '1': ['外国在华文化中心', 'foreign cultural centre', 'other'], '9': ['其他', 'other', 'other'] },
  },
  '5': {
    nameZh: '民政',
    nameEn: 'civil affairs',
    types: {
      '1': ['社会团体', 'social organization', 'social_organization'],
      '2': ['民办非企业单位', 'private non-enterprise unit', 'social_organization'],
      '3': ['基金会', 'foundation', 'social_organization'],
      '9': ['其他', 'other', 'other'],
    },
  },
  '6': {
    nameZh: '旅游',
    nameEn: 'tourism',
    types: {
      '1': ['外国旅游部门常驻代表机构', 'foreign tourism office', 'other'],
      '2': ['港澳台地区旅游部门常驻内地（大陆）代表机构', 'HK/Macao/Taiwan tourism office', 'other'],
      '9': ['其他', 'other', 'other'],
    },
  },
  '7': {
    nameZh: '宗教',
    nameEn: 'religious affairs',
    types: {
      '1': ['宗教活动场所', 'place of religious activity', 'other'],
      '2': ['宗教院校', 'religious college', 'other'],
      '9': ['其他', 'other', 'other'],
    },
  },
  '8': {
    nameZh: '工会',
    nameEn: 'trade union',
    types: {
      '1': ['基层工会', 'grassroots trade union', 'social_organization'],
      '9': ['其他', 'other', 'other'],
    },
  },
  '9': {
    nameZh: '工商（市场监管）',
    nameEn: 'market regulation (industry and commerce)',
    types: {
      '1': ['企业', 'enterprise', 'enterprise'],
      '2': ['个体工商户', 'sole trader (individual business)', 'sole_trader'],
      '3': ['农民专业合作社', 'farmer specialized cooperative', 'farmer_cooperative'],
    },
  },
  A: {
    nameZh: '中央军委改革和编制办公室',
    nameEn: 'Central Military Commission establishment office',
    types: {
      '1': ['军队事业单位', 'military public institution', 'public_institution'],
      '9': ['其他', 'other', 'other'],
    },
  },
  N: {
    nameZh: '农业',
    nameEn: 'agriculture',
    types: {
      '1': ['组级集体经济组织', 'group-level collective economic organization', 'other'],
      '2': ['村级集体经济组织', 'village-level collective economic organization', 'other'],
      '3': ['乡镇级集体经济组织', 'township-level collective economic organization', 'other'],
      '9': ['其他', 'other', 'other'],
    },
  },
  Y: { nameZh: '其他', nameEn: 'other', types: { '1': ['其他', 'other', 'other'] } },
};

function issue(
  severity: UsccIssue['severity'],
  part: UsccPart,
  code: string,
  message: string,
  messageEn: string,
): UsccIssue {
  return { severity, part, code, message, messageEn };
}

/** Trims, folds full-width ASCII (ＡＢ１２, often typed with a Chinese IME) and upper-cases. */
export function normalizeUscc(code: string): string {
  return code
    .trim()
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .toUpperCase();
}

/** The check character (18th) for the first 17 characters; throws for malformed input. */
export function computeUsccCheckCharacter(first17: string): string {
  const s = normalizeUscc(first17);
  if (s.length !== 17 || [...s].some((ch) => !USCC_ALPHABET.includes(ch))) {
    throw new UsccMalformedError(s, [
      issue(
        'error',
        'length',
        'USCC_FIRST17_MALFORMED',
        '计算校验码需要统一社会信用代码的前17位（31个合法字符之内）。',
        'The check character needs the first 17 characters of the code, from the 31-character alphabet.',
      ),
    ]);
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_ALPHABET.indexOf(s[i]) * USCC_WEIGHTS[i];
  return USCC_ALPHABET[(31 - (sum % 31)) % 31];
}

/** GB 11714 check for the 9-character organization code inside the USCC; null if not computable. */
export function computeOrganizationCodeCheck(first8: string): string | null {
  if (!/^[0-9A-Z]{8}$/.test(first8)) return null;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += parseInt(first8[i], 36) * ORG_CODE_WEIGHTS[i];
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

export function parseUscc(input: string): UsccAnalysis {
  const code = normalizeUscc(typeof input === 'string' ? input : '');
  const issues: UsccIssue[] = [];
  const result: UsccAnalysis = {
    code,
    valid: false,
    checkCharacterOk: false,
    registrationAuthority: null,
    entityType: null,
    divisionCode: null,
    prefectureDivision: null,
    inRegion: false,
    independentLegalPerson: 'unknown',
    entityCategory: null,
    issues,
  };

  if (code.length !== USCC_LENGTH) {
    issues.push(
      issue(
        'error',
        'length',
        'USCC_LENGTH',
        `统一社会信用代码应为18位，当前为${code.length}位，请对照营业执照核对。`,
        `The code must have 18 characters; it has ${code.length}. Check it against the business licence.`,
      ),
    );
  }
  const badChars = [...new Set([...code].filter((ch) => !USCC_ALPHABET.includes(ch)))];
  if (badChars.length > 0) {
    issues.push(
      issue(
        'error',
        'alphabet',
        'USCC_ALPHABET',
        `统一社会信用代码含有不允许的字符「${badChars.join('')}」（代码不使用 I、O、S、V、Z，注意数字0与字母O、数字1与字母I的区别）。`,
        `The code contains characters not allowed: "${badChars.join('')}" (I, O, S, V, Z are never used; check 0/O and 1/I).`,
      ),
    );
  }

  const authority = AUTHORITIES[code[0] ?? ''];
  if (code.length >= 1) {
    if (authority) {
      result.registrationAuthority = { code: code[0], nameZh: authority.nameZh, nameEn: authority.nameEn };
    } else {
      issues.push(
        issue(
          'warning',
          'registrationAuthority',
          'USCC_REGISTRATION_AUTHORITY_UNKNOWN',
          `第1位登记管理部门代码「${code[0]}」不在已知列表中，请核对营业执照。`,
          `Registration authority code "${code[0]}" (1st character) is not a known one; check the licence.`,
        ),
      );
    }
  }
  if (code.length >= 2 && authority) {
    const t = authority.types[code[1]];
    if (t) {
      result.entityType = { code: code[1], nameZh: t[0], nameEn: t[1], category: t[2] };
      result.entityCategory = t[2];
      if (t[2] === 'sole_trader' || t[2] === 'farmer_cooperative') result.independentLegalPerson = false;
    } else {
      issues.push(
        issue(
          'warning',
          'entityType',
          'USCC_ENTITY_TYPE_UNKNOWN',
          `第2位机构类别代码「${code[1]}」不是登记管理部门「${authority.nameZh}」的已知类别，请核对营业执照。`,
          `Entity type "${code[1]}" (2nd character) is not known for authority "${authority.nameEn}"; check the licence.`,
        ),
      );
    }
  }

  const division = code.slice(2, 8);
  if (code.length >= 8 && /^\d{6}$/.test(division)) {
    result.divisionCode = division;
    result.prefectureDivision = division.slice(0, 4);
    result.inRegion = division.startsWith('15');
  } else if (code.length >= 3) {
    issues.push(
      issue(
        'error',
        'divisionCode',
        'USCC_DIVISION_CODE',
        `第3–8位登记管理机关行政区划码「${division}」应为6位数字。`,
        `Characters 3–8 (division code "${division}") must be six digits.`,
      ),
    );
  }

  const org = code.slice(8, 17);
  if (code.length === USCC_LENGTH && badChars.length === 0) {
    const expectedOrg = computeOrganizationCodeCheck(org.slice(0, 8));
    if (expectedOrg !== org[8]) {
      issues.push(
        issue(
          'warning',
          'organizationCode',
          'USCC_ORGANIZATION_CODE_CHECK',
          `第9–17位组织机构代码「${org}」的校验位不符（应为「${expectedOrg ?? '?'}」），部分早期代码存在此情况，请盟市对照营业执照核实。`,
          `The organization code "${org}" (characters 9–17) fails its own check (expected "${expectedOrg ?? '?'}"); some early codes do. The prefecture verifies against the licence.`,
        ),
      );
    }
    const expected = computeUsccCheckCharacter(code.slice(0, 17));
    result.checkCharacterOk = expected === code[17];
    if (!result.checkCharacterOk) {
      issues.push(
        issue(
          'warning',
          'checkCharacter',
          'USCC_CHECK_CHARACTER',
          `第18位校验码为「${code[17]}」，按 GB 32100-2015 计算应为「${expected}」。部分早期试点代码存在此情况，不作为拒绝理由，请盟市对照营业执照核实。`,
          `Check character is "${code[17]}"; GB 32100-2015 gives "${expected}". Some early pilot codes do this: not a refusal; the prefecture verifies against the licence.`,
        ),
      );
    }
  }

  result.valid = !issues.some((i) => i.severity === 'error');
  return result;
}

export class UsccMalformedError extends DomainError {
  readonly code = 'USCC_MALFORMED';
  readonly issues: UsccIssue[];
  constructor(uscc: string, issues: UsccIssue[]) {
    const errors = issues.filter((i) => i.severity === 'error');
    super(
      `统一社会信用代码「${uscc}」格式不正确：${errors.map((i) => i.message).join('；')}`,
      `Unified social credit code "${uscc}" is malformed: ${errors.map((i) => i.messageEn).join('; ')}`,
      { uscc, parts: errors.map((i) => i.part), issues },
    );
    this.issues = issues;
  }
}

/** Returns the analysis of a well-formed code (warnings included); throws USCC_MALFORMED otherwise. */
export function assertUscc(code: string): UsccAnalysis {
  const analysis = parseUscc(code);
  if (!analysis.valid) throw new UsccMalformedError(analysis.code, analysis.issues);
  return analysis;
}
