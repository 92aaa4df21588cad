import type { ExpertImportV1 } from '@firstset/contracts';
import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { SpreadsheetUploadV1 } from '@firstset/contracts';
import { readExpertRows } from '@firstset/domain';
import { MessageMeta } from '@firstset/messaging';
import { Clock, CommandRunner, importRefused, PRISMA, requireActor, spreadsheetRows } from '@firstset/service-kit';
import { Db, Tx } from '../prisma';
import { institutionOf } from '../reviews/case-access';
import { IDENTITY_KEY, identityHash } from './identity-key';

/**
 * The institution imports experts into its pool from a spreadsheet (M8.1). A preview reads every
 * row and reports every problem at its row and column, with the identity documents already in the
 * pool (the same keyed hash) as duplicates. A commit keeps the whole list or nothing: a pool is
 * reference data the panels are drawn from, and a half-imported list would leave the institution
 * guessing which rows to send again; it fixes the file and imports it once more.
 */
@Injectable()
export class ImportExperts {
  constructor(
    private readonly commands: CommandRunner<Tx>,
    private readonly clock: Clock,
    @Inject(PRISMA) private readonly db: Db,
    @Inject(IDENTITY_KEY) private readonly identityKey: string,
  ) {}

  async execute(input: SpreadsheetUploadV1, meta: MessageMeta): Promise<ExpertImportV1> {
    const actor = requireActor(meta, ['institution_staff']);
    const institutionId = institutionOf(actor);
    const { experts, issues } = readExpertRows(await spreadsheetRows(input.fileName, input.contentBase64));
    const hashed = experts.map((e) => ({ ...e, identityHash: e.identityNumber ? identityHash(this.identityKey, e.identityType, e.identityNumber) : null }));
    const duplicatesIn = async (db: Tx | Db) => {
      const hashes = hashed.map((e) => e.identityHash).filter((h): h is string => h !== null);
      const existing = await db.expert.findMany({ where: { institutionId, identityHash: { in: hashes } }, select: { name: true, identityHash: true } });
      const byHash = new Map(existing.map((e) => [e.identityHash, e.name]));
      return hashed
        .filter((e) => e.identityHash && byHash.has(e.identityHash))
        .map((e) => ({
          line: e.line,
          column: 'identityNumber',
          message: `证件号码与专家库中的「${byHash.get(e.identityHash)}」重复`,
          messageEn: `the identity number is already in the pool (${byHash.get(e.identityHash)})`,
        }));
    };
    const rows = experts.map(({ identityNumber: _, ...r }) => r);
    const all = [...issues, ...(await duplicatesIn(this.db))].sort((a, b) => a.line - b.line);
    const preview: ExpertImportV1 = { committed: false, imported: 0, rows, issues: all };
    if (!input.commit) return preview;
    if (all.length > 0) throw importRefused(all);
    const importId = randomUUID();
    return this.commands.run(meta, { action: 'expert.import', objectType: 'expert-import', objectId: importId }, async (tx) => {
      const now = this.clock.now();
      // Checked again inside the transaction: another import may have added the same person meanwhile.
      const late = await duplicatesIn(tx);
      if (late.length > 0) throw importRefused(late);
      await tx.expert.createMany({
        data: hashed.map(({ line: _l, identityNumber: _n, ...e }) => ({ ...e, id: randomUUID(), institutionId, createdAt: now })),
      });
      return { result: { ...preview, committed: true, imported: hashed.length }, detail: { fileName: input.fileName, imported: hashed.length } };
    });
  }
}
