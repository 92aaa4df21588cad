import type { ScopeCatalogueViewV1 } from '@firstset/contracts';
import { CatalogueEntry, CatalogueRef, EQUIPMENT_FIELDS_CATALOGUE, NEW_MATERIALS_CATALOGUE_2024, ScopeCatalogue } from '@firstset/domain';
import { ScopeCatalogue as ScopeCatalogueRow } from '../generated/prisma/client';
import { Db, Tx } from '../prisma';

/** The catalogues the platform ships (M4.2, M4.3); an import of the same id and version replaces one. */
const SHIPPED: readonly ScopeCatalogue[] = [EQUIPMENT_FIELDS_CATALOGUE, NEW_MATERIALS_CATALOGUE_2024];

/** A catalogue version: the Department's import when there is one, else the shipped copy; null when neither. */
export async function loadCatalogue(db: Pick<Tx | Db, 'scopeCatalogue'>, ref: CatalogueRef): Promise<ScopeCatalogueViewV1 | null> {
  const row = await db.scopeCatalogue.findUnique({ where: { id_version: { id: ref.id, version: ref.version } } });
  return catalogueView(ref, row);
}

/** The same from a `scope_catalogues` row already read (or null when none was imported). */
export function catalogueView(ref: CatalogueRef, row: ImportedCatalogueRow | null): ScopeCatalogueViewV1 | null {
  if (row)
    return {
      id: row.id,
      version: row.version,
      kind: row.kind,
      titleZh: row.titleZh,
      titleEn: row.titleEn,
      source: row.source,
      verified: true,
      imported: true,
      importedAt: new Date(row.importedAt).toISOString(),
      entries: row.entries as unknown as CatalogueEntry[],
    };
  const shipped = SHIPPED.find((c) => c.id === ref.id && c.version === ref.version);
  if (!shipped) return null;
  const { entries, verified, ...meta } = shipped;
  return { ...meta, verified: verified ?? true, imported: false, importedAt: null, entries: entries.map((e) => ({ ...e })) };
}

/** A `scope_catalogues` row as Prisma or a JSON read gives it. */
export type ImportedCatalogueRow = Pick<ScopeCatalogueRow, 'id' | 'version' | 'kind' | 'titleZh' | 'titleEn' | 'source' | 'entries'> & { importedAt: Date | string };

export const shippedCatalogue = (id: string) => SHIPPED.find((c) => c.id === id);
