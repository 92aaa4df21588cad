import type { ApplicationDraftFieldsV1 } from '@firstset/contracts';
import { Application } from '../generated/prisma/client';
import { canonicalJson } from './content-hash';

/** The autosaved form beyond the application's columns (kept as JSON in `applications.draft`). */
export type DraftFields = ApplicationDraftFieldsV1;

export const DRAFT_KEYS = [
  'catalogueEntryCode',
  'catalogueVersion',
  'firstSale',
  'innovationPoints',
  'performanceIndicators',
  'ipList',
  'sales',
  'declarations',
] as const;

/** The whole application form as the enterprise filled it: what a submitted version keeps. */
export interface ApplicationSnapshot extends DraftFields {
  productKind: string;
  productName: string;
  series: string;
  model: string;
  rdCompletedOn: string;
  /** Files attached when the version was submitted. */
  materials?: Array<{ id: string; slotId: string; fileName: string; sha256: string; size: number }>;
}

export function draftOf(app: Pick<Application, 'draft'>): DraftFields {
  return (app.draft ?? {}) as DraftFields;
}

export function snapshotOf(app: Application): ApplicationSnapshot {
  const { productKind, productName, series, model, rdCompletedOn } = app;
  return { productKind, productName, series, model, rdCompletedOn, ...draftOf(app) };
}

export interface FieldChange {
  field: string;
  before?: unknown;
  after?: unknown;
}

// Canonical JSON: a version read back from jsonb has its keys in another order than a fresh snapshot.
const same = (a: unknown, b: unknown) => canonicalJson(a ?? null) === canonicalJson(b ?? null);

/**
 * The differences between two versions, field by field (declarations one by one), for the
 * reviewer: what the enterprise changed in answer to the request for correction.
 */
export function diffSnapshots(before: ApplicationSnapshot, after: ApplicationSnapshot): FieldChange[] {
  const changes: FieldChange[] = [];
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const key of [...keys].sort()) {
    const b = (before as unknown as Record<string, unknown>)[key];
    const a = (after as unknown as Record<string, unknown>)[key];
    if (key === 'declarations') {
      const bd = (b ?? {}) as Record<string, unknown>;
      const ad = (a ?? {}) as Record<string, unknown>;
      for (const d of [...new Set([...Object.keys(bd), ...Object.keys(ad)])].sort()) {
        if (!same(bd[d], ad[d])) changes.push({ field: `declarations.${d}`, before: bd[d] ?? null, after: ad[d] ?? null });
      }
    } else if (!same(b, a)) {
      changes.push({ field: key, before: b ?? null, after: a ?? null });
    }
  }
  return changes;
}
