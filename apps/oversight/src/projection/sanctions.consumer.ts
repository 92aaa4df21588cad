import { Controller } from '@nestjs/common';
import { RecognitionRevoked, RecognitionRevokedV1, SanctionImposed, SanctionImposedV1 } from '@firstset/contracts';
import { Consumes } from '@firstset/messaging';
import { Tx } from '../prisma';
import { ProjectionStore } from './projection-store';

/** Sanctions imposed after their case (M10, M11; ADR 0026) and revoked recognitions (M10.2). */
@Controller()
export class SanctionsConsumer {
  constructor(private readonly store: ProjectionStore) {}

  @Consumes(SanctionImposed, { durable: 'oversight-sanctions' })
  async imposed(e: SanctionImposedV1, tx: Tx): Promise<void> {
    const data = { measure: e.measure, subjectKind: e.subjectKind, subjectId: e.subjectId, subjectUscc: e.subjectUscc ?? null, imposedAt: new Date(e.imposedAt) };
    await tx.sanction.upsert({ where: { id: e.sanctionId }, create: { id: e.sanctionId, ...data }, update: data });
  }

  @Consumes(RecognitionRevoked, { durable: 'oversight-revocations' })
  async revoked(e: RecognitionRevokedV1, tx: Tx): Promise<void> {
    await this.store.record(tx, e.applicationId, { uscc: e.uscc, recognitionId: e.recognitionId }, [{ kind: 'revoked', at: e.revokedAt }]);
  }
}
