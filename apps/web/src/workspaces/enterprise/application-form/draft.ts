import dayjs, { Dayjs } from 'dayjs';
import type { ApplicationDraft, Declarations, IpRight, PerformanceIndicator, SalesYear } from '../../../shared/api/views';

/**
 * The draft as the form holds it and as the gateway's PATCH takes it: the conversions both ways,
 * the groups a change touches, and the way back from a server's field error to the form's field.
 */

type Row<T> = { [K in keyof T]?: T[K] | null };

/** M2.1: one breakthrough row as the form holds it (kind and description). */
export type Breakthrough = { kind?: string; description?: string };
/** Bases of a right held from someone else: the row names its assignor or licensor (M5.3, the M11.1 conflict check). */
export const BASES_WITH_COUNTERPARTY: readonly string[] = ['assigned_ownership', 'assigned_use_right'];
/** Declarations that are lists of rows, not dates. */
const ROW_LISTS = ['breakthroughs'];

export interface FormValues {
  productName?: string;
  series?: string;
  model?: string;
  rdCompletedOn?: Dayjs | null;
  catalogueEntryCode?: string | null;
  firstSale?: { date?: Dayjs | null; customer?: string; contractNo?: string };
  innovationPoints?: Array<string | undefined>;
  performanceIndicators?: Array<Row<PerformanceIndicator> | undefined>;
  ipList?: Array<Row<IpRight> | undefined>;
  sales?: Array<Row<SalesYear> | undefined>;
  declarations?: Record<string, boolean | string | Dayjs[] | Breakthrough[] | null | undefined>;
  /** The yes/no before the accident dates (M5.1): "no" declares none. */
  accidents?: { safety?: boolean; environmental?: boolean };
  /** Under correction: one answer per item the prefecture asked about, in the return's order (M7.3). */
  correctionAnswers?: Array<{ item: string; answer?: string }>;
}

/** Top-level keys of the form; each is saved whole (declarations merge on the server). */
export const GROUPS = [
  'productName',
  'series',
  'model',
  'rdCompletedOn',
  'catalogueEntryCode',
  'firstSale',
  'innovationPoints',
  'performanceIndicators',
  'ipList',
  'sales',
  'declarations',
  'correctionAnswers',
] as const;
export type Group = (typeof GROUPS)[number];

export const ACCIDENT_KEYS = { safety: 'safetyAccidentDates', environmental: 'environmentalAccidentDates' } as const;

const DATE = 'YYYY-MM-DD';
const day = (s: string | undefined) => (s ? dayjs(s, DATE) : undefined);
const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
const trimmed = (v: unknown) => (typeof v === 'string' ? v.trim() : v);

/** The saved application as the form's initial values. */
export function toFormValues(a: ApplicationDraft): FormValues {
  const d = a.draft ?? {};
  const decl = d.declarations ?? {};
  const declarations: FormValues['declarations'] = {};
  for (const [k, v] of Object.entries(decl)) {
    if (ROW_LISTS.includes(k)) declarations[k] = v as Breakthrough[];
    else declarations[k] = Array.isArray(v) ? v.map((x) => dayjs(x as string, DATE)) : (v as boolean | string);
  }
  const said = (v: unknown) => (Array.isArray(v) ? v.length > 0 : undefined);
  return {
    productName: a.productName,
    series: a.series,
    model: a.model,
    rdCompletedOn: day(a.rdCompletedOn) ?? null,
    catalogueEntryCode: d.catalogueEntryCode ?? null,
    firstSale: d.firstSale ? { date: day(d.firstSale.date), customer: d.firstSale.customer, contractNo: d.firstSale.contractNo } : {},
    innovationPoints: d.innovationPoints?.length ? d.innovationPoints : [''],
    performanceIndicators: d.performanceIndicators?.length ? d.performanceIndicators : [{}],
    ipList: d.ipList ?? [],
    sales: d.sales ?? [],
    declarations,
    accidents: { safety: said(decl.safetyAccidentDates), environmental: said(decl.environmentalAccidentDates) },
    ...(a.state === 'RETURNED_FOR_CORRECTION' && a.correction ? { correctionAnswers: answersOf(a.correction) } : {}),
  };
}

/** Each item of the return with the answer saved so far (empty when none). */
export function answersOf(correction: NonNullable<ApplicationDraft['correction']>): Array<{ item: string; answer: string }> {
  const saved = new Map((correction.answers ?? []).map((x) => [x.item, x.answer]));
  return correction.items.map((i) => ({ item: i.item, answer: saved.get(i.item) ?? '' }));
}

/** Which groups a change of the form touched (the accident yes/no belongs to the declarations). */
export function groupsOf(changed: Record<string, unknown>): Group[] {
  return Object.keys(changed)
    .map((k) => (k === 'accidents' ? 'declarations' : k))
    .filter((k): k is Group => (GROUPS as readonly string[]).includes(k));
}

/** Rows the user added but has not started are not sent; `index[i]` is the form row of the i-th row sent. */
function compact<T extends object>(rows: Array<T | undefined> | undefined, clean: (row: T) => T): { rows: T[]; index: number[] } {
  const out: T[] = [];
  const index: number[] = [];
  (rows ?? []).forEach((row, i) => {
    if (!row || Object.values(row).every(blank)) return;
    out.push(clean(row));
    index.push(i);
  });
  return { rows: out, index };
}

function cleanRow<T extends object>(row: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) if (!blank(v)) out[k] = trimmed(v);
  return out as T;
}

/**
 * An IP row as sent: the counterparty only on an assigned or licensed right (the server refuses it
 * on an owned one) and only once started; its code upper-cased as GB 32100 writes it.
 */
function cleanIpRow(row: Row<IpRight>): Row<IpRight> {
  const { counterparty, ...rest } = row;
  const out: Row<IpRight> = cleanRow(rest);
  const name = typeof counterparty?.name === 'string' ? counterparty.name.trim() : '';
  const uscc = typeof counterparty?.uscc === 'string' ? counterparty.uscc.trim().toUpperCase() : '';
  if (BASES_WITH_COUNTERPARTY.includes(row.basis ?? '') && (name || uscc)) out.counterparty = { name, ...(uscc ? { uscc } : {}) };
  return out;
}

export interface Patch {
  body: Record<string, unknown>;
  /** For list groups: the form row of each row sent, to put a server error back at its field. */
  rows: Partial<Record<Group, number[]>>;
}

/** The PATCH body for the groups that changed (without `expectedRevision`). */
export function toPatch(values: FormValues, groups: Iterable<Group>): Patch {
  const body: Record<string, unknown> = {};
  const rows: Patch['rows'] = {};
  for (const g of new Set(groups)) {
    switch (g) {
      case 'productName':
      case 'series':
      case 'model':
        // Sent as typed: a blank one is refused by the server and shown at the field.
        if (values[g] !== undefined) body[g] = (values[g] ?? '').trim();
        break;
      case 'rdCompletedOn':
        if (values.rdCompletedOn) body.rdCompletedOn = values.rdCompletedOn.format(DATE);
        break;
      case 'catalogueEntryCode':
        body.catalogueEntryCode = blank(values.catalogueEntryCode) ? null : trimmed(values.catalogueEntryCode);
        break;
      case 'firstSale': {
        const f = values.firstSale ?? {};
        if ([f.date, f.customer, f.contractNo].every(blank)) body.firstSale = null;
        else body.firstSale = { date: f.date ? f.date.format(DATE) : '', customer: (f.customer ?? '').trim(), ...(blank(f.contractNo) ? {} : { contractNo: f.contractNo!.trim() }) };
        break;
      }
      case 'innovationPoints': {
        const points = (values.innovationPoints ?? []).filter((p): p is string => !blank(p)).map((p) => p.trim());
        body.innovationPoints = points;
        break;
      }
      case 'ipList': {
        const list = compact(values.ipList, cleanIpRow);
        body.ipList = list.rows;
        rows.ipList = list.index;
        break;
      }
      case 'performanceIndicators':
      case 'sales': {
        const list = compact(values[g] as Array<object | undefined>, cleanRow);
        body[g] = list.rows;
        rows[g] = list.index;
        break;
      }
      case 'declarations': {
        // Built key by key from the form's fields; the server validates each against DeclarationsV1.
        const out: Record<string, boolean | string | string[]> = {};
        const out2 = out as Record<string, unknown>;
        for (const [k, v] of Object.entries(values.declarations ?? {})) {
          if (v === undefined || v === null || Object.values(ACCIDENT_KEYS).includes(k as never)) continue;
          // Rows the user added but left empty are not sent; a row half filled is, and the server names its field.
          if (ROW_LISTS.includes(k)) out2[k] = compact(v as Array<Breakthrough | undefined>, cleanRow).rows;
          else out[k] = v as boolean | string;
        }
        for (const [which, key] of Object.entries(ACCIDENT_KEYS) as Array<[keyof typeof ACCIDENT_KEYS, string]>) {
          const said = values.accidents?.[which];
          const dates = (values.declarations?.[key] as Dayjs[] | undefined) ?? [];
          if (said === false) out[key] = [];
          else if (said === true && dates.length) out[key] = dates.map((d) => d.format(DATE));
        }
        body.declarations = out as Declarations;
        break;
      }
      case 'correctionAnswers':
        // Every item is sent: a cleared answer clears it on the server too.
        body.correctionAnswers = (values.correctionAnswers ?? []).map((x) => ({ item: x.item, answer: (x.answer ?? '').trim() }));
        break;
    }
  }
  return { body, rows };
}

/** `performanceIndicators.1.name` (a server's field) as the form's name path, rows mapped back. */
export function fieldPath(field: string, rows: Patch['rows'] = {}): Array<string | number> {
  const parts: Array<string | number> = field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  const map = rows[parts[0] as Group];
  if (map && typeof parts[1] === 'number') parts[1] = map[parts[1]] ?? parts[1];
  return parts;
}

/** The step a field or slot belongs to: 0 product, 1 declarations, 2 materials, 3 the answers to a return. */
export function stepOf(target: { field?: string; slotId?: string }): number {
  if (target.slotId) return 2;
  if (target.field?.startsWith('correctionAnswers')) return 3;
  if (target.field?.startsWith('declarations.')) return 1;
  return 0;
}

/**
 * Where a check problem's field is on the form. Some of the check's fields have no control of
 * their own: the catalogue version goes with the entry; a licence or certificate whose need is
 * not yet declared goes to the question whether it applies.
 */
export function formFieldOf(field: string, values: FormValues): Array<string | number> {
  if (field === 'catalogueVersion') return ['catalogueEntryCode'];
  const answer = /^correctionAnswers\.(\d+)$/.exec(field);
  if (answer) return ['correctionAnswers', Number(answer[1]), 'answer'];
  const decl = values.declarations ?? {};
  if (field === 'declarations.hasProductionLicence' && decl.productionLicenceApplies !== true) return ['declarations', 'productionLicenceApplies'];
  if (field === 'declarations.hasCccCertificate' && decl.cccApplies !== true) return ['declarations', 'cccApplies'];
  for (const [which, key] of Object.entries(ACCIDENT_KEYS)) {
    if (field === `declarations.${key}` && values.accidents?.[which as keyof typeof ACCIDENT_KEYS] !== true) return ['accidents', which];
  }
  return fieldPath(field);
}
