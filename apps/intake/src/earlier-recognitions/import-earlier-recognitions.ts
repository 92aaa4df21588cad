import type { EarlierRecognitionImportV1, EarlierRecognitionViewV1 } from '@firstset/contracts';
import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { SpreadsheetUploadV1 } from '@firstset/contracts';
import { EarlierRecognition, readEarlierRecognitions, toShanghaiDate, yearOf } from '@firstset/domain';
import { MessageMeta } from '@firstset/messaging';
import { Clock, CommandRunner, importRefused, PRISMA, requireActor, spreadsheetRows } from '@firstset/service-kit';
import { Db, Tx } from '../prisma';

/**
 * M6.4: the Department imports its lists of recognitions made before the platform, so that the
 * series check of every later application sees them. A preview reports every row's problem at its
 * row; a commit keeps the rows only when none has a problem. A row already imported (same credit
 * code, series, model and document) is left as it was.
 */
@Injectable()
export class ImportEarlierRecognitions {
  constructor(
    private readonly commands: CommandRunner<Tx>,
    private readonly clock: Clock,
  ) {}

  async execute(input: SpreadsheetUploadV1, meta: MessageMeta): Promise<EarlierRecognitionImportV1> {
    const actor = requireActor(meta, ['department_officer']);
    const thisYear = yearOf(toShanghaiDate(this.clock.now()));
    const { records, issues } = readEarlierRecognitions(await spreadsheetRows(input.fileName, input.contentBase64), thisYear);
    const preview: EarlierRecognitionImportV1 = { committed: false, imported: 0, skipped: 0, records, issues };
    if (!input.commit) return preview;
    if (issues.length > 0) throw importRefused(issues);
    const importId = randomUUID();
    return this.commands.run(meta, { action: 'earlier-recognition.import', objectType: 'earlier-recognition-import', objectId: importId }, async (tx) => {
      const now = this.clock.now();
      const { count } = await tx.earlierRecognition.createMany({
        data: records.map(({ line, productKind, ...r }) => ({
          ...r,
          productKind: productKind ?? null,
          id: randomUUID(),
          importId,
          sourceLine: line,
          importedBy: actor.userId,
          importedAt: now,
        })),
        skipDuplicates: true,
      });
      const result = { ...preview, committed: true, imported: count, skipped: records.length - count };
      return { result, detail: { fileName: input.fileName, imported: count, skipped: result.skipped } };
    });
  }
}

type Row = { id: string; importedAt: Date; productKind: string | null } & Omit<EarlierRecognition, 'productKind'>;

const toView = (r: Row): EarlierRecognitionViewV1 => ({
  id: r.id,
  uscc: r.uscc,
  enterpriseName: r.enterpriseName,
  productName: r.productName,
  ...(r.productKind ? { productKind: r.productKind } : {}),
  series: r.series,
  model: r.model,
  year: r.year,
  documentNo: r.documentNo,
  imported: true,
  importedAt: r.importedAt.toISOString(),
});

/** The imported list, for the Department and auditors. */
@Injectable()
export class ReadEarlierRecognitions {
  constructor(@Inject(PRISMA) private readonly db: Db) {}

  async list(meta: MessageMeta): Promise<EarlierRecognitionViewV1[]> {
    requireActor(meta, ['department_officer', 'auditor']);
    const rows = await this.db.earlierRecognition.findMany({ orderBy: [{ year: 'desc' }, { enterpriseName: 'asc' }, { model: 'asc' }], take: 5000 });
    return rows.map(toView);
  }
}
