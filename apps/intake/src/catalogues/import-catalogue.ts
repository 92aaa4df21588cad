import type { CatalogueImportV1, ScopeCatalogueViewV1 } from '@firstset/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { CatalogueRefQueryV1, ImportCatalogueV1 } from '@firstset/contracts';
import { readCatalogueRows, ScopeCatalogueMeta } from '@firstset/domain';
import { MessageMeta } from '@firstset/messaging';
import { Clock, CommandRunner, importRefused, notFound, PRISMA, requireActor, spreadsheetRows } from '@firstset/service-kit';
import { Prisma } from '../generated/prisma/client';
import { Db, Tx } from '../prisma';
import { loadCatalogue, shippedCatalogue } from './catalogue-store';

/**
 * M4.3: the Department imports a version of the new-materials catalogue from its spreadsheet. A
 * preview reads the file and reports every row's problem at its row; a commit keeps it (replacing
 * an earlier import or the shipped copy of the same version) only when no row has a problem.
 */
@Injectable()
export class ImportCatalogue {
  constructor(
    private readonly commands: CommandRunner<Tx>,
    private readonly clock: Clock,
  ) {}

  async execute(input: ImportCatalogueV1, meta: MessageMeta): Promise<CatalogueImportV1> {
    const actor = requireActor(meta, ['department_officer']);
    const shipped = shippedCatalogue(input.catalogueId);
    const catalogueMeta: ScopeCatalogueMeta = {
      id: input.catalogueId,
      version: input.version,
      kind: 'new_materials',
      titleZh: input.titleZh?.trim() || shipped?.titleZh || input.catalogueId,
      titleEn: shipped?.titleEn ?? input.catalogueId,
      source: input.source.trim(),
    };
    const { entries, issues } = readCatalogueRows(await spreadsheetRows(input.fileName, input.contentBase64), catalogueMeta);
    const preview: CatalogueImportV1 = { catalogueId: input.catalogueId, version: input.version, committed: false, entries, issues };
    if (!input.commit) return preview;
    if (issues.length > 0) throw importRefused(issues);
    const spec = { action: 'catalogue.import', objectType: 'catalogue', objectId: `${input.catalogueId}@${input.version}` };
    return this.commands.run(meta, spec, async (tx) => {
      const data = {
        kind: catalogueMeta.kind,
        titleZh: catalogueMeta.titleZh,
        titleEn: catalogueMeta.titleEn,
        source: catalogueMeta.source,
        entries: entries.map(({ line: _line, ...e }) => e) as unknown as Prisma.InputJsonValue,
        importedBy: actor.userId,
        importedAt: this.clock.now(),
      };
      await tx.scopeCatalogue.upsert({
        where: { id_version: { id: input.catalogueId, version: input.version } },
        create: { id: input.catalogueId, version: input.version, ...data },
        update: data,
      });
      return { result: { ...preview, committed: true }, detail: { entries: entries.length, fileName: input.fileName } };
    });
  }
}

/** The catalogue the form offers (public, like the scope of the Measures). */
@Injectable()
export class ReadCatalogue {
  constructor(@Inject(PRISMA) private readonly db: Db) {}

  async get(input: CatalogueRefQueryV1): Promise<ScopeCatalogueViewV1> {
    const found = await loadCatalogue(this.db, { id: input.catalogueId, version: input.version });
    if (!found) throw notFound('catalogue');
    return found;
  }
}
