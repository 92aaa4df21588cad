import { ProductKind } from '../model/product';
import { ComprehensiveReviewProfile } from './review-profile';

/**
 * The panel solver of the comprehensive review (M8.1, with the recusal rules of M11.1): for each
 * application it proposes the experts that fill the profile's panel, by a min-cost flow written
 * here (ADR 0021). Its objective, strictly in this order:
 *   1. every seat filled where possible (a maximum flow);
 *   2. the profile's required field matches (`fieldMatchesRequired`) met wherever possible;
 *   3. loads balanced: the k-th assignment of an expert costs 2k−1, so the total is Σ load², and
 *      no expert goes over `maxLoadPerExpert`;
 *   4. among equally good panels, the seed decides: a hash of the seed and the ids orders the experts
 *      (node numbers, and the order each application's candidates are explored in). The same input
 *      and seed give the same proposal; another seed may give another one. The seed stays out of
 *      the costs, so equal costs stay equal and a phase fills many seats at once (ADR 0021).
 * Conflicted (`excludedExpertIds`), unavailable and disqualified (`available: false`) experts are
 * never chosen. Active assignments given in `keep` stay and count towards the panel: a case whose
 * expert recused or was excluded gets only its missing seats. Pure: no clock, no randomness.
 */

export type PanelRules = Pick<ComprehensiveReviewProfile, 'panelSize' | 'fieldMatchesRequired' | 'maxLoadPerExpert'>;

export interface PanelApplication {
  id: string;
  /** The field its experts should work in (M4.2 code, "NM" for new materials); null when unknown. */
  fieldCode: string | null;
  /** Experts in conflict with the application (M11.1): never proposed for it. */
  excludedExpertIds: readonly string[];
}

export interface PanelExpert {
  id: string;
  fieldCodes: readonly string[];
  /** False when unavailable today or disqualified (M11.2): never proposed. */
  available: boolean;
  /** Active assignments the expert already has in the batch, the kept ones included. */
  load: number;
}

/** An active assignment that stays. */
export interface KeptAssignment {
  applicationId: string;
  expertId: string;
}

export interface PanelInput {
  applications: readonly PanelApplication[];
  experts: readonly PanelExpert[];
  rules: PanelRules;
  keep?: readonly KeptAssignment[];
  seed: string;
}

export interface ProposedSeat {
  expertId: string;
  /** The expert works in the application's field. */
  fieldMatch: boolean;
  /** The expert's load in the batch once this panel is confirmed. */
  loadAfter: number;
  reasonZh: string;
  reasonEn: string;
}

export const SHORTFALL_KINDS = ['not_enough_eligible_experts', 'experts_at_max_load', 'field_requirement_unmet'] as const;
export type ShortfallKind = (typeof SHORTFALL_KINDS)[number];

/** Seats left empty, or field matches missing, with the reason. */
export interface PanelShortfall {
  kind: ShortfallKind;
  /** How many seats (or matches) it concerns. */
  seats: number;
  reasonZh: string;
  reasonEn: string;
}

export interface ApplicationPanel {
  applicationId: string;
  /** Experts already active on the application, kept. */
  keptExpertIds: string[];
  /** New experts proposed, in a stable order. */
  proposed: ProposedSeat[];
  /** Seats no expert could take (not_enough_eligible_experts, experts_at_max_load) and field matches missing (field_requirement_unmet). */
  shortfalls: PanelShortfall[];
}

export interface PanelProposal {
  seed: string;
  panels: ApplicationPanel[];
  /** Every expert's load in the batch after the proposal, for the experts given. */
  loads: Record<string, number>;
  /** Seats asked for (panel size minus kept) and seats filled. */
  seatsWanted: number;
  seatsFilled: number;
}

/** The field an application's experts should have: its M4.2 code, or "NM" for new materials. */
export function panelFieldCode(productKind: string, fieldCode: string | null | undefined): string | null {
  if (fieldCode) return fieldCode;
  return productKind === ProductKind.FIRST_BATCH_MATERIAL ? 'NM' : null;
}

/** 32-bit FNV-1a then a murmur finalizer: a stable, well-mixed hash of the seed and a pair of ids. */
export function seededRank(seed: string, a: string, b: string): number {
  let h = 0x811c9dc5;
  const text = `${seed}\u0000${a}\u0000${b}`;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * A min-cost flow network with integer (safe-integer) costs, solved by the primal-dual form of
 * successive shortest paths: Bellman-Ford once for the potentials (the graph starts as a DAG with
 * negative edges and no negative cycle), then in each phase Dijkstra on reduced costs, and a
 * blocking flow (Dinic: BFS levels, current-arc DFS) along the edges whose reduced cost is zero —
 * every such path is a shortest one, so many seats of equal cost are filled per Dijkstra.
 */
class MinCostFlow {
  private readonly head: number[];
  private readonly to: number[] = [];
  private readonly cap: number[] = [];
  private readonly cost: number[] = [];
  private readonly next: number[] = [];

  constructor(private readonly n: number) {
    this.head = new Array<number>(n).fill(-1);
  }

  /** Adds an edge and its residual twin (index ^ 1); returns the edge's index. */
  addEdge(from: number, to: number, cap: number, cost: number): number {
    const e = this.to.length;
    this.to.push(to, from);
    this.cap.push(cap, 0);
    this.cost.push(cost, -cost);
    this.next.push(this.head[from], this.head[to]);
    this.head[from] = e;
    this.head[to] = e + 1;
    return e;
  }

  flowOn(edge: number): number {
    return this.cap[edge ^ 1];
  }

  /** Pushes as much flow as possible from s to t at the least cost; returns the flow. */
  run(s: number, t: number): number {
    const n = this.n;
    const potential = this.bellmanFord(s);
    const dist = new Array<number>(n);
    const level = new Int32Array(n);
    const iter = new Int32Array(n);
    const queue = new Int32Array(n);
    const stack = new Int32Array(n);
    const via = new Int32Array(n);
    const admissible = (e: number, u: number) => this.cap[e] > 0 && potential[this.to[e]] !== Infinity && this.cost[e] + potential[u] - potential[this.to[e]] === 0;
    let flow = 0;
    for (;;) {
      // Dijkstra on reduced costs (non-negative), then the new potentials.
      dist.fill(Infinity);
      dist[s] = 0;
      const heap = new Heap();
      heap.push(0, s);
      while (heap.size > 0) {
        const [d, u] = heap.pop();
        if (d > dist[u]) continue;
        for (let e = this.head[u]; e !== -1; e = this.next[e]) {
          if (this.cap[e] <= 0) continue;
          const v = this.to[e];
          if (potential[v] === Infinity) continue;
          const nd = d + this.cost[e] + potential[u] - potential[v];
          if (nd < dist[v]) {
            dist[v] = nd;
            heap.push(nd, v);
          }
        }
      }
      if (dist[t] === Infinity) return flow;
      for (let v = 0; v < n; v += 1) if (dist[v] !== Infinity) potential[v] += dist[v];
      // Blocking flows along zero-reduced-cost edges until t is out of reach on them.
      for (;;) {
        level.fill(-1);
        level[s] = 0;
        let qh = 0;
        let qt = 0;
        queue[qt++] = s;
        while (qh < qt) {
          const u = queue[qh++];
          for (let e = this.head[u]; e !== -1; e = this.next[e]) {
            if (level[this.to[e]] < 0 && admissible(e, u)) {
              level[this.to[e]] = level[u] + 1;
              queue[qt++] = this.to[e];
            }
          }
        }
        if (level[t] < 0) break;
        for (let v = 0; v < n; v += 1) iter[v] = this.head[v];
        // Iterative DFS with current arcs: a dead end is cut off (level −1).
        let depth = 0;
        stack[0] = s;
        while (depth >= 0) {
          const u = stack[depth];
          if (u === t) {
            let pushed = Infinity;
            for (let i = 1; i <= depth; i += 1) pushed = Math.min(pushed, this.cap[via[i]]);
            for (let i = 1; i <= depth; i += 1) {
              this.cap[via[i]] -= pushed;
              this.cap[via[i] ^ 1] += pushed;
            }
            flow += pushed;
            depth = 0;
            continue;
          }
          let e = iter[u];
          while (e !== -1 && !(level[this.to[e]] === level[u] + 1 && admissible(e, u))) e = this.next[e];
          iter[u] = e;
          if (e === -1) {
            level[u] = -1;
            depth -= 1;
            continue;
          }
          depth += 1;
          stack[depth] = this.to[e];
          via[depth] = e;
        }
      }
    }
  }

  private bellmanFord(s: number): number[] {
    const d = new Array<number>(this.n).fill(Infinity);
    d[s] = 0;
    for (let round = 0; round < this.n; round += 1) {
      let changed = false;
      for (let u = 0; u < this.n; u += 1) {
        if (d[u] === Infinity) continue;
        for (let e = this.head[u]; e !== -1; e = this.next[e]) {
          if (this.cap[e] > 0 && d[u] + this.cost[e] < d[this.to[e]]) {
            d[this.to[e]] = d[u] + this.cost[e];
            changed = true;
          }
        }
      }
      if (!changed) return d;
    }
    throw new Error('panel solver: negative cycle in the initial network');
  }
}

/** A binary min-heap of (key, node), ties on the node number (deterministic). */
class Heap {
  private readonly keys: number[] = [];
  private readonly nodes: number[] = [];

  get size(): number {
    return this.keys.length;
  }

  push(key: number, node: number): void {
    const k = this.keys;
    const n = this.nodes;
    let i = k.length;
    k.push(key);
    n.push(node);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (k[p] < key || (k[p] === key && n[p] <= node)) break;
      k[i] = k[p];
      n[i] = n[p];
      i = p;
    }
    k[i] = key;
    n[i] = node;
  }

  pop(): [number, number] {
    const k = this.keys;
    const n = this.nodes;
    const top: [number, number] = [k[0], n[0]];
    const lastKey = k.pop()!;
    const lastNode = n.pop()!;
    if (k.length > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= k.length) break;
        const r = l + 1;
        const c = r < k.length && (k[r] < k[l] || (k[r] === k[l] && n[r] < n[l])) ? r : l;
        if (lastKey < k[c] || (lastKey === k[c] && lastNode <= n[c])) break;
        k[i] = k[c];
        n[i] = n[c];
        i = c;
      }
      k[i] = lastKey;
      n[i] = lastNode;
    }
    return top;
  }
}

function assertRules(r: PanelRules): void {
  const whole = (v: number, min: number) => Number.isInteger(v) && v >= min;
  if (!whole(r.panelSize, 1) || !whole(r.maxLoadPerExpert, 1) || !whole(r.fieldMatchesRequired, 0) || r.fieldMatchesRequired > r.panelSize)
    throw new Error('panel solver: panelSize and maxLoadPerExpert must be positive integers, fieldMatchesRequired from 0 to panelSize');
}

/** Proposes a panel for every application (see the module's comment for the objective). */
export function solvePanels(input: PanelInput): PanelProposal {
  const { rules, seed } = input;
  assertRules(rules);
  const applications = dedupeById(input.applications);
  const experts = dedupeById(input.experts);
  const expertById = new Map(experts.map((e) => [e.id, e]));
  const kept = new Map<string, string[]>(applications.map((a) => [a.id, []]));
  for (const k of input.keep ?? []) {
    const list = kept.get(k.applicationId);
    if (list && !list.includes(k.expertId)) list.push(k.expertId);
  }
  const matches = (e: PanelExpert | undefined, a: PanelApplication) => !!a.fieldCode && !!e && e.fieldCodes.includes(a.fieldCode);

  // Per application: the seats to fill and the field matches still required after the kept experts.
  const wants = applications.map((a) => {
    const keptIds = kept.get(a.id)!;
    const seats = Math.max(0, rules.panelSize - keptIds.length);
    const keptMatches = keptIds.filter((id) => matches(expertById.get(id), a)).length;
    const matchSeats = Math.min(seats, Math.max(0, rules.fieldMatchesRequired - keptMatches));
    const excluded = new Set(a.excludedExpertIds);
    const eligible = experts.filter((e) => e.available && !excluded.has(e.id) && !keptIds.includes(e.id));
    return { a, keptIds, seats, keptMatches, matchSeats, eligible };
  });
  const seatsWanted = wants.reduce((s, w) => s + w.seats, 0);

  // Lexicographic weights as integers: a required field match outweighs every load cost put
  // together. The seed does not enter the costs: it orders the experts (their node numbers, and the
  // order each application's edges are explored in), which decides among equally good panels.
  const loadSpan = experts.reduce((s, e) => s + Math.max(0, rules.maxLoadPerExpert ** 2 - Math.max(0, e.load) ** 2), 0);
  const wMatch = loadSpan + 1;
  if (!Number.isSafeInteger((seatsWanted + 1) * (wMatch + loadSpan) * 4)) throw new Error('panel solver: input too large for exact costs');
  const seeded = experts.map((e) => ({ e, rank: seededRank(seed, '', e.id) })).sort((x, y) => x.rank - y.rank || (x.e.id < y.e.id ? -1 : 1)).map((x) => x.e);

  // Nodes: source, sink, per application A (seats), M (field-match seats) and Y (any seat), per
  // expert E, and per (application, matching expert) P so that M and Y cannot both pick one expert.
  // Numbered in topological order (S, A/M/Y, P, E, T) so that Bellman-Ford settles in one pass.
  let nodes = 0;
  const S = nodes++;
  const appNodes = wants.map(() => ({ A: nodes++, M: nodes++, Y: nodes++ }));
  let pairNode = nodes;
  nodes += wants.reduce((s, w) => s + w.eligible.filter((e) => matches(e, w.a)).length, 0);
  const expertNode = new Map(seeded.map((e) => [e.id, nodes++]));
  const T = nodes++;
  const graph = new MinCostFlow(nodes);

  // Expert → sink: one unit edge per further assignment, the k-th costing 2k−1 (convex: Σ = load²).
  for (const e of seeded) {
    for (let k = Math.max(0, e.load) + 1; k <= rules.maxLoadPerExpert; k += 1) graph.addEdge(expertNode.get(e.id)!, T, 1, 2 * k - 1);
  }
  const choiceEdges: Array<{ app: number; expertId: string; edge: number }> = [];
  wants.forEach((w, i) => {
    const { A, M, Y } = appNodes[i];
    graph.addEdge(S, A, w.seats, 0);
    if (w.matchSeats > 0) graph.addEdge(A, M, w.matchSeats, -wMatch);
    graph.addEdge(A, Y, w.seats, 0);
    // Explored last-added first: the application's experts in the order of their seeded rank.
    const order = w.eligible.map((e) => ({ e, rank: seededRank(seed, w.a.id, e.id) })).sort((x, y) => y.rank - x.rank || (x.e.id < y.e.id ? 1 : -1));
    for (const { e } of order) {
      if (matches(e, w.a)) {
        const P = pairNode++;
        graph.addEdge(M, P, 1, 0);
        graph.addEdge(Y, P, 1, 0);
        choiceEdges.push({ app: i, expertId: e.id, edge: graph.addEdge(P, expertNode.get(e.id)!, 1, 0) });
      } else {
        choiceEdges.push({ app: i, expertId: e.id, edge: graph.addEdge(Y, expertNode.get(e.id)!, 1, 0) });
      }
    }
  });
  const seatsFilled = graph.run(S, T);

  const chosen = wants.map(() => [] as string[]);
  for (const c of choiceEdges) if (graph.flowOn(c.edge) > 0) chosen[c.app].push(c.expertId);
  const loads: Record<string, number> = Object.fromEntries(experts.map((e) => [e.id, Math.max(0, e.load)]));
  for (const list of chosen) for (const id of list) loads[id] += 1;

  const panels = wants.map((w, i): ApplicationPanel => {
    const field = w.a.fieldCode;
    const proposed = chosen[i]
      .map((id) => ({ id, match: matches(expertById.get(id), w.a), rank: seededRank(seed, w.a.id, id) }))
      .sort((x, y) => Number(y.match) - Number(x.match) || x.rank - y.rank || (x.id < y.id ? -1 : 1))
      .map(({ id, match }): ProposedSeat => ({
        expertId: id,
        fieldMatch: match,
        loadAfter: loads[id],
        reasonZh: match
          ? `专业领域匹配（${field}），无利益冲突，确认后本批评审任务 ${loads[id]} 件`
          : `补足评审席位（非 ${field ?? '申请'} 领域），无利益冲突，确认后本批评审任务 ${loads[id]} 件`,
        reasonEn: match
          ? `Works in the field (${field}), no conflict; ${loads[id]} applications in the batch once confirmed`
          : `Fills a seat (outside ${field ?? 'the application\'s field'}), no conflict; ${loads[id]} applications in the batch once confirmed`,
      }));
    const shortfalls: PanelShortfall[] = [];
    const missing = w.seats - proposed.length;
    if (missing > 0) {
      const free = w.eligible.filter((e) => e.load < rules.maxLoadPerExpert).length;
      if (w.eligible.length < w.seats)
        shortfalls.push({
          kind: 'not_enough_eligible_experts',
          seats: missing,
          reasonZh: `无利益冲突且可用的专家仅 ${w.eligible.length} 名，尚缺 ${missing} 席`,
          reasonEn: `Only ${w.eligible.length} available experts without a conflict; ${missing} seat(s) left empty`,
        });
      else
        shortfalls.push({
          kind: 'experts_at_max_load',
          seats: missing,
          reasonZh: `可选专家已达每批最多 ${rules.maxLoadPerExpert} 件的评审任务（尚有余量 ${free} 名），尚缺 ${missing} 席`,
          reasonEn: `The eligible experts reached the limit of ${rules.maxLoadPerExpert} applications per batch (${free} with room left); ${missing} seat(s) left empty`,
        });
    }
    const matched = w.keptMatches + proposed.filter((p) => p.fieldMatch).length;
    const required = Math.min(rules.fieldMatchesRequired, rules.panelSize);
    if (matched < required)
      shortfalls.push({
        kind: 'field_requirement_unmet',
        seats: required - matched,
        reasonZh: field
          ? `需 ${required} 名 ${field} 领域专家，仅有 ${matched} 名（无冲突、可用、未满负荷的本领域专家不足）`
          : `申请未标明专业领域，无法满足 ${required} 名本领域专家的要求`,
        reasonEn: field
          ? `${required} experts of ${field} required, ${matched} found (not enough available, unconflicted experts of the field with room)`
          : `The application has no field code: the ${required} field matches cannot be met`,
      });
    return { applicationId: w.a.id, keptExpertIds: [...w.keptIds], proposed, shortfalls };
  });
  return { seed, panels, loads, seatsWanted, seatsFilled };
}

function dedupeById<T extends { id: string }>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  return items.filter((x) => (seen.has(x.id) ? false : (seen.add(x.id), true)));
}
