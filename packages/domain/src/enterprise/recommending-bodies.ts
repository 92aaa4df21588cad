import { DomainError } from '../shared/errors';

/**
 * Bodies that do the preliminary review and recommendation (M3.2, M7.2). By default the 12 leagues
 * and cities; the Department also takes recommendations from bodies below them (county-level cities
 * such as Manzhouli and Erenhot, new areas), so the list is configuration and routing picks the
 * longest matching division prefix: a configured county-level city wins over its league or city.
 */
export type RecommendingBodyKind = 'league' | 'city' | 'county-level-city' | 'new-area';

export interface RecommendingBody {
  /** The 6-digit administrative division code of the body (a stable id). */
  id: string;
  nameZh: string;
  nameEn: string;
  kind: RecommendingBodyKind;
  /** Division-code prefixes (2–6 digits) of the enterprises it recommends. */
  divisionPrefixes: string[];
}

const body = (id: string, nameZh: string, nameEn: string, kind: RecommendingBodyKind): RecommendingBody => ({
  id,
  nameZh,
  nameEn,
  kind,
  divisionPrefixes: [id.slice(0, 4)],
});

export const DEFAULT_RECOMMENDING_BODIES: readonly RecommendingBody[] = Object.freeze([
  body('150100', '呼和浩特市', 'Hohhot', 'city'),
  body('150200', '包头市', 'Baotou', 'city'),
  body('150300', '乌海市', 'Wuhai', 'city'),
  body('150400', '赤峰市', 'Chifeng', 'city'),
  body('150500', '通辽市', 'Tongliao', 'city'),
  body('150600', '鄂尔多斯市', 'Ordos', 'city'),
  body('150700', '呼伦贝尔市', 'Hulunbuir', 'city'),
  body('150800', '巴彦淖尔市', 'Bayannur', 'city'),
  body('150900', '乌兰察布市', 'Ulanqab', 'city'),
  body('152200', '兴安盟', 'Hinggan League', 'league'),
  body('152500', '锡林郭勒盟', 'Xilingol League', 'league'),
  body('152900', '阿拉善盟', 'Alxa League', 'league'),
]);

/** County-level cities the Department may add as recommending bodies (not in the default list). */
export const MANZHOULI: RecommendingBody = {
  id: '150781',
  nameZh: '满洲里市',
  nameEn: 'Manzhouli',
  kind: 'county-level-city',
  divisionPrefixes: ['150781'],
};
export const ERENHOT: RecommendingBody = {
  id: '152501',
  nameZh: '二连浩特市',
  nameEn: 'Erenhot',
  kind: 'county-level-city',
  divisionPrefixes: ['152501'],
};

export class InvalidDivisionCodeError extends DomainError {
  readonly code = 'DIVISION_CODE_INVALID';
  constructor(divisionCode: unknown) {
    super(
      `行政区划代码「${String(divisionCode)}」无效，应为6位数字（例如 150200）。`,
      `Division code "${String(divisionCode)}" is invalid: six digits expected (e.g. 150200).`,
      { divisionCode: String(divisionCode) },
    );
  }
}

export class NoRecommendingBodyError extends DomainError {
  readonly code = 'RECOMMENDING_BODY_NOT_FOUND';
  constructor(divisionCode: string) {
    super(
      `行政区划代码 ${divisionCode} 不属于任何已配置的推荐单位（盟市）。按属地管理原则，申请单位应在自治区内注册；如为区内新设区域，请由自治区工业和信息化厅补充推荐单位配置。`,
      `Division code ${divisionCode} belongs to no configured recommending body. Applicants apply where registered (M7.2); for a new area inside the region, the Department adds it to the configuration.`,
      { divisionCode },
    );
  }
}

export class RecommendingBodyConfigError extends DomainError {
  readonly code = 'RECOMMENDING_BODY_CONFIG_INVALID';
  constructor(problemZh: string, problemEn: string, details: Record<string, unknown>) {
    super(
      `推荐单位配置有误：${problemZh}`,
      `Recommending-body configuration is invalid: ${problemEn}`,
      details,
    );
  }
}

/** Checks ids and prefixes, and that no prefix is claimed twice (routing must give exactly one body). */
export function validateRecommendingBodies(bodies: readonly RecommendingBody[]): void {
  const ids = new Set<string>();
  const owners = new Map<string, string>();
  for (const b of bodies) {
    if (!/^\d{6}$/.test(b.id))
      throw new RecommendingBodyConfigError(
        `「${b.nameZh}」的编码「${b.id}」应为6位数字`,
        `id "${b.id}" of ${b.nameEn} must be six digits`,
        { id: b.id },
      );
    if (ids.has(b.id))
      throw new RecommendingBodyConfigError(`编码 ${b.id} 重复`, `duplicate id ${b.id}`, { id: b.id });
    ids.add(b.id);
    if (b.divisionPrefixes.length === 0)
      throw new RecommendingBodyConfigError(
        `「${b.nameZh}」未配置区划前缀`,
        `${b.nameEn} has no division prefix`,
        { id: b.id },
      );
    for (const p of b.divisionPrefixes) {
      if (!/^\d{2,6}$/.test(p))
        throw new RecommendingBodyConfigError(
          `「${b.nameZh}」的区划前缀「${p}」应为2–6位数字`,
          `prefix "${p}" of ${b.nameEn} must be 2–6 digits`,
          { id: b.id, prefix: p },
        );
      const owner = owners.get(p);
      if (owner !== undefined)
        throw new RecommendingBodyConfigError(
          `区划前缀 ${p} 同时属于 ${owner} 和 ${b.id}`,
          `prefix ${p} is claimed by both ${owner} and ${b.id}`,
          { prefix: p, ids: [owner, b.id] },
        );
      owners.set(p, b.id);
    }
  }
}

/**
 * The one body an enterprise applies to (M7.2 属地管理), by the division code of its registered
 * address (or, as a cross-check, the USCC's characters 3–8): the longest configured prefix wins.
 */
export function routeToRecommendingBody(
  divisionCode: string,
  bodies: readonly RecommendingBody[] = DEFAULT_RECOMMENDING_BODIES,
): RecommendingBody {
  if (typeof divisionCode !== 'string' || !/^\d{6}$/.test(divisionCode.trim()))
    throw new InvalidDivisionCodeError(divisionCode);
  const code = divisionCode.trim();
  validateRecommendingBodies(bodies);
  let best: { body: RecommendingBody; length: number } | null = null;
  for (const b of bodies) {
    for (const p of b.divisionPrefixes) {
      if (code.startsWith(p) && (best === null || p.length > best.length))
        best = { body: b, length: p.length };
    }
  }
  if (best === null) throw new NoRecommendingBodyError(code);
  return best.body;
}
