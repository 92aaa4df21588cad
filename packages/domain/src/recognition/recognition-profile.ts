/**
 * How the Department's recognition is written down (M9.3, M13.2): who issues it, how its documents
 * and certificates are numbered, and who the public contacts during a publicity (M9.2). Part of
 * the versioned policy profile, so that another province or a new letterhead changes data, not code.
 */
export interface RecognitionProfile {
  /** 发文机关标志 (GB/T 9704), the issuing authority as printed on the document. */
  issuerZh: string;
  issuerEn: string;
  /** 发文字号, e.g. `内工信装备认字〔{year}〕{seq}号`: numbered per year, without gaps. */
  documentNumberPattern: string;
  /** The certificate of one recognized product, e.g. `NMSTT-{year}-{seq:4}`: per year, without gaps. */
  certificateNumberPattern: string;
  /** The contact printed on the public notice (M9.2): where objections go and how to reach it. */
  noticeContact: { unitZh: string; unitEn: string; phone: string; email: string; addressZh: string };
}

export const INNER_MONGOLIA_RECOGNITION: RecognitionProfile = Object.freeze({
  issuerZh: '内蒙古自治区工业和信息化厅',
  issuerEn: 'Department of Industry and Information Technology of Inner Mongolia Autonomous Region',
  documentNumberPattern: '内工信装备认字〔{year}〕{seq}号',
  certificateNumberPattern: 'NMSTT-{year}-{seq:4}',
  noticeContact: Object.freeze({
    unitZh: '内蒙古自治区工业和信息化厅装备工业处',
    unitEn: 'Equipment Industry Division, Department of Industry and Information Technology',
    phone: '0471-6945123',
    email: 'zbc@gxt.nmg.gov.cn',
    addressZh: '内蒙古自治区呼和浩特市赛罕区敕勒川大街1号',
  }),
});

const PLACEHOLDER = /\{(year|seq)(?::(\d))?\}/g;

/**
 * A document or certificate number from its pattern: `{year}`, `{seq}`, and `{seq:N}` zero-padded
 * to N digits. A pattern without `{seq}` could not tell two numbers apart, so it is a profile error.
 */
export function formatRecognitionNumber(pattern: string, parts: { year: number; seq: number }): string {
  if (!Number.isInteger(parts.seq) || parts.seq < 1) throw new RangeError(`seq must be a positive integer (got ${parts.seq})`);
  return pattern.replace(PLACEHOLDER, (_, name: 'year' | 'seq', width?: string) =>
    name === 'year' ? String(parts.year) : String(parts.seq).padStart(width ? Number(width) : 0, '0'),
  );
}

/** What is wrong with a recognition profile, one line per problem (empty when it is usable). */
export function recognitionProfileProblems(p: RecognitionProfile | undefined): string[] {
  if (!p) return ['recognition (issuer, numbering, notice contact) is missing'];
  const problems: string[] = [];
  if (!p.issuerZh?.trim() || !p.issuerEn?.trim()) problems.push('recognition.issuer needs Chinese and English');
  for (const f of ['documentNumberPattern', 'certificateNumberPattern'] as const) {
    if (!/\{seq(?::\d)?\}/.test(p[f] ?? '') || !/\{year\}/.test(p[f] ?? '')) problems.push(`recognition.${f} needs {year} and {seq}`);
  }
  const c = p.noticeContact;
  if (!c?.unitZh?.trim() || !c.phone?.trim() || !c.email?.trim() || !c.addressZh?.trim())
    problems.push('recognition.noticeContact needs the unit, a phone, an email and an address');
  return problems;
}
