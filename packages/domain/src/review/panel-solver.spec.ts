import fc from 'fast-check';
import { PanelApplication, PanelExpert, PanelInput, PanelProposal, PanelRules, panelFieldCode, seededRank, solvePanels } from './panel-solver';
import { INNER_MONGOLIA_REVIEW } from './review-profile';

const rules: PanelRules = { panelSize: 3, fieldMatchesRequired: 2, maxLoadPerExpert: 8 };
const app = (id: string, fieldCode: string | null = 'EF03', excludedExpertIds: string[] = []): PanelApplication => ({ id, fieldCode, excludedExpertIds });
const expert = (id: string, fieldCodes: string[] = ['EF03'], over: Partial<PanelExpert> = {}): PanelExpert => ({ id, fieldCodes, available: true, load: 0, ...over });
const chosen = (p: PanelProposal, appId: string) => p.panels.find((x) => x.applicationId === appId)!.proposed.map((s) => s.expertId);
const range = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i));

describe('M8.1 panel solver', () => {
  it('M8.1 fills every seat of every panel with distinct experts and says why each was chosen', () => {
    const experts = range(6, (i) => `e${i}`).map((id) => expert(id));
    const p = solvePanels({ applications: [app('a1'), app('a2')], experts, rules, seed: 's' });
    expect(p.seatsWanted).toBe(6);
    expect(p.seatsFilled).toBe(6);
    for (const panel of p.panels) {
      expect(new Set(panel.proposed.map((s) => s.expertId)).size).toBe(3);
      expect(panel.shortfalls).toEqual([]);
      expect(panel.proposed[0]).toMatchObject({ fieldMatch: true, reasonZh: expect.stringContaining('专业领域匹配（EF03）'), reasonEn: expect.stringContaining('EF03') });
    }
    expect(Object.values(p.loads).reduce((s, n) => s + n, 0)).toBe(6);
  });

  it('M11.1 M11.2 never proposes a conflicted, unavailable or disqualified expert', () => {
    const experts = [expert('ok1'), expert('ok2'), expert('ok3'), expert('away', ['EF03'], { available: false }), expert('tied')];
    const p = solvePanels({ applications: [app('a1', 'EF03', ['tied'])], experts, rules, seed: 'x' });
    expect(chosen(p, 'a1').sort()).toEqual(['ok1', 'ok2', 'ok3']);
    fc.assert(
      fc.property(fc.string(), (seed) => {
        const q = solvePanels({ applications: [app('a1', 'EF03', ['tied']), app('a2', 'EF03', ['ok1'])], experts, rules, seed });
        return !chosen(q, 'a1').some((id) => id === 'tied' || id === 'away') && !chosen(q, 'a2').some((id) => id === 'ok1' || id === 'away');
      }),
    );
  });

  it('M8.1 meets the required field matches before anything else, filling the rest from any field', () => {
    // Two EF03 experts are busy (load 7 of 8), four EF07 experts are free: the EF03 ones still go to
    // the EF03 application, whose third seat comes from another field.
    const experts = [expert('f1', ['EF03'], { load: 7 }), expert('f2', ['EF03'], { load: 7 }), ...range(4, (i) => `o${i}`).map((id) => expert(id, ['EF07']))];
    const p = solvePanels({ applications: [app('a1', 'EF03'), app('a2', 'EF07')], experts, rules, seed: 'seed' });
    const a1 = p.panels[0];
    expect(a1.proposed.filter((s) => s.fieldMatch).map((s) => s.expertId).sort()).toEqual(['f1', 'f2']);
    expect(a1.proposed).toHaveLength(3);
    expect(a1.proposed[2]).toMatchObject({ fieldMatch: false, reasonZh: expect.stringContaining('补足评审席位') });
    expect(a1.shortfalls).toEqual([]);
    expect(chosen(p, 'a2').every((id) => id.startsWith('o'))).toBe(true);
  });

  it('M8.1 reports a field requirement it cannot meet, and an application without a field', () => {
    const experts = [expert('m1', ['EF03']), expert('x1', ['EF01']), expert('x2', ['EF01'])];
    const p = solvePanels({ applications: [app('a1', 'EF03'), app('a2', null)], experts, rules, seed: 's' });
    expect(p.panels[0].proposed).toHaveLength(3);
    expect(p.panels[0].shortfalls).toEqual([expect.objectContaining({ kind: 'field_requirement_unmet', seats: 1, reasonZh: expect.stringContaining('需 2 名 EF03 领域专家，仅有 1 名') })]);
    expect(p.panels[1].shortfalls).toEqual([expect.objectContaining({ kind: 'field_requirement_unmet', seats: 2, reasonZh: expect.stringContaining('未标明专业领域') })]);
  });

  it('M8.1 leaves seats empty with the reason when too few experts are free of conflicts, or all are at their limit', () => {
    const few = solvePanels({ applications: [app('a1', 'EF03', ['e1'])], experts: [expert('e1'), expert('e2')], rules, seed: 's' });
    expect(few.panels[0].proposed.map((s) => s.expertId)).toEqual(['e2']);
    expect(few.panels[0].shortfalls[0]).toMatchObject({ kind: 'not_enough_eligible_experts', seats: 2, reasonZh: '无利益冲突且可用的专家仅 1 名，尚缺 2 席' });
    const full = solvePanels({
      applications: [app('a1'), app('a2')],
      experts: [expert('e1', ['EF03'], { load: 8 }), expert('e2', ['EF03'], { load: 7 }), expert('e3', ['EF03'], { load: 7 }), expert('e4', ['EF03'], { load: 7 })],
      rules,
      seed: 's',
    });
    expect(full.seatsFilled).toBe(3);
    expect(Math.max(...Object.values(full.loads))).toBe(8);
    const short = full.panels.flatMap((x) => x.shortfalls).filter((s) => s.kind === 'experts_at_max_load');
    expect(short.reduce((s, x) => s + x.seats, 0)).toBe(3);
  });

  it('M8.1 balances loads: the busiest and idlest expert differ by at most one when all can take any seat', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 3, max: 9 }), fc.string(), (apps, n, seed) => {
        const p = solvePanels({ applications: range(apps, (i) => `a${i}`).map((id) => app(id)), experts: range(n, (i) => `e${i}`).map((id) => expert(id)), rules: { ...rules, maxLoadPerExpert: 100 }, seed });
        const loads = Object.values(p.loads);
        return p.seatsFilled === apps * 3 && Math.max(...loads) - Math.min(...loads) <= 1;
      }),
      { numRuns: 60 },
    );
  });

  it('M8.1 takes existing loads into account: the idle expert gets the seat', () => {
    const experts = [expert('busy1', ['EF03'], { load: 5 }), expert('busy2', ['EF03'], { load: 5 }), expert('idle1'), expert('idle2'), expert('busy3', ['EF03'], { load: 4 })];
    const p = solvePanels({ applications: [app('a1')], experts, rules, seed: 's' });
    expect(chosen(p, 'a1').sort()).toEqual(['busy3', 'idle1', 'idle2']);
  });

  it('M8.1 M11.1 keeps the active experts of a case and proposes only the missing seats (replacement)', () => {
    const experts = [expert('k1', ['EF03'], { load: 1 }), expert('k2', ['EF01'], { load: 1 }), expert('n1', ['EF03']), expert('n2', ['EF01']), expert('n3', ['EF01'])];
    const p = solvePanels({ applications: [app('a1')], experts, rules, keep: [{ applicationId: 'a1', expertId: 'k1' }, { applicationId: 'a1', expertId: 'k2' }], seed: 's' });
    expect(p.seatsWanted).toBe(1);
    expect(p.panels[0].keptExpertIds).toEqual(['k1', 'k2']);
    // One EF03 expert kept: the second required match is the one missing seat.
    expect(p.panels[0].proposed).toEqual([expect.objectContaining({ expertId: 'n1', fieldMatch: true, loadAfter: 1 })]);
    const whole = solvePanels({ applications: [app('a1')], experts, rules, keep: ['k1', 'k2', 'n2'].map((expertId) => ({ applicationId: 'a1', expertId })), seed: 's' });
    expect(whole.panels[0].proposed).toEqual([]);
    expect(whole.panels[0].shortfalls).toEqual([expect.objectContaining({ kind: 'field_requirement_unmet', seats: 1 })]);
  });

  it('M8.1 the same input and seed give the same proposal; other seeds may choose differently', () => {
    const input = (seed: string): PanelInput => ({
      applications: range(10, (i) => `a${i}`).map((id) => app(id, 'EF03')),
      experts: range(12, (i) => `e${i}`).map((id) => expert(id)),
      rules,
      seed,
    });
    expect(solvePanels(input('2026-12-02T10:00'))).toEqual(solvePanels(input('2026-12-02T10:00')));
    const proposals = new Set(['a', 'b', 'c', 'd', 'e'].map((s) => JSON.stringify(solvePanels(input(s)).panels)));
    expect(proposals.size).toBeGreaterThan(1);
    expect(seededRank('s', 'a', 'b')).toBe(seededRank('s', 'a', 'b'));
    expect(seededRank('s', 'a', 'b')).not.toBe(seededRank('t', 'a', 'b'));
  });

  it('M8.1 is optimal: as many seats, required matches and as even loads as an exhaustive search finds', () => {
    const small = fc.record({
      apps: fc.array(fc.record({ field: fc.constantFrom('A', 'B', null), excl: fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 2 }) }), { minLength: 1, maxLength: 3 }),
      experts: fc.array(fc.record({ fields: fc.subarray(['A', 'B']), available: fc.boolean(), load: fc.integer({ min: 0, max: 2 }) }), { minLength: 1, maxLength: 5 }),
      panelSize: fc.integer({ min: 1, max: 2 }),
      fieldMatchesRequired: fc.integer({ min: 0, max: 2 }),
      maxLoad: fc.integer({ min: 1, max: 3 }),
      seed: fc.string(),
    });
    fc.assert(
      fc.property(small, (c) => {
        const r: PanelRules = { panelSize: c.panelSize, fieldMatchesRequired: Math.min(c.fieldMatchesRequired, c.panelSize), maxLoadPerExpert: c.maxLoad };
        const applications = c.apps.map((a, i) => app(`a${i}`, a.field, a.excl.map((x) => `e${x}`)));
        const experts = c.experts.map((e, i) => expert(`e${i}`, e.fields, { available: e.available, load: e.load }));
        const p = solvePanels({ applications, experts, rules: r, seed: c.seed });
        const got = score(applications, experts, r, p.panels.map((x) => x.proposed.map((s) => s.expertId)));
        const best = bruteForce(applications, experts, r);
        return got !== null && compare(got, best) === 0;
      }),
      { numRuns: 300 },
    );
  });

  it('refuses rules outside the profile\'s bounds', () => {
    expect(() => solvePanels({ applications: [], experts: [], rules: { ...rules, panelSize: 0 }, seed: '' })).toThrow(/panelSize/);
    expect(() => solvePanels({ applications: [], experts: [], rules: { ...rules, fieldMatchesRequired: 4 }, seed: '' })).toThrow(/fieldMatchesRequired/);
  });

  it('M8.1 solves 200 applications × 60 experts × panel 3 of the Inner Mongolia profile in well under the request budget', () => {
    const fields = range(18, (i) => `EF${String(i + 1).padStart(2, '0')}`);
    const applications = range(200, (i) => `a${i}`).map((id, i) => app(id, fields[i % 18], i % 7 === 0 ? [`e${i % 60}`] : []));
    const experts = range(60, (i) => `e${i}`).map((id, i) => expert(id, [fields[i % 18], fields[(i + 5) % 18]]));
    const started = Date.now();
    const p = solvePanels({ applications, experts, rules: INNER_MONGOLIA_REVIEW, seed: 'bench' });
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(p.seatsFilled).toBe(480); // 60 experts × at most 8 each
    expect(Math.max(...Object.values(p.loads))).toBe(8);
  });

  it('uses "NM" as the field of new materials without an M4.2 code', () => {
    expect(panelFieldCode('FIRST_BATCH_MATERIAL', null)).toBe('NM');
    expect(panelFieldCode('FIRST_SET_EQUIPMENT', 'EF03')).toBe('EF03');
    expect(panelFieldCode('FIRST_SET_EQUIPMENT', null)).toBeNull();
  });
});

type Score = [filled: number, matches: number, negSquares: number];

/** The objective of a choice (null if it breaks a hard rule): larger is better, compared in order. */
function score(apps: PanelApplication[], experts: PanelExpert[], r: PanelRules, choice: string[][]): Score | null {
  const load = new Map(experts.map((e) => [e.id, e.load]));
  let filled = 0;
  let matches = 0;
  for (const [i, a] of apps.entries()) {
    const ids = choice[i];
    if (new Set(ids).size !== ids.length || ids.length > r.panelSize) return null;
    for (const id of ids) {
      const e = experts.find((x) => x.id === id)!;
      if (!e.available || a.excludedExpertIds.includes(id)) return null;
      load.set(id, load.get(id)! + 1);
    }
    filled += ids.length;
    matches += Math.min(r.fieldMatchesRequired, ids.filter((id) => !!a.fieldCode && experts.find((x) => x.id === id)!.fieldCodes.includes(a.fieldCode)).length);
  }
  let squares = 0;
  for (const e of experts) {
    const l = load.get(e.id)!;
    if (l > Math.max(e.load, r.maxLoadPerExpert)) return null;
    squares += l * l;
  }
  return [filled, matches, -squares];
}

const compare = (x: Score, y: Score) => x[0] - y[0] || x[1] - y[1] || x[2] - y[2];

function bruteForce(apps: PanelApplication[], experts: PanelExpert[], r: PanelRules): Score {
  const subsets: string[][] = [[]];
  for (const e of experts) for (const s of subsets.slice()) if (s.length < r.panelSize) subsets.push([...s, e.id]);
  let best: Score = [-1, 0, 0];
  const walk = (i: number, acc: string[][]) => {
    if (i === apps.length) {
      const s = score(apps, experts, r, acc);
      if (s && compare(s, best) > 0) best = s;
      return;
    }
    for (const s of subsets) walk(i + 1, [...acc, s]);
  };
  walk(0, []);
  return best;
}
