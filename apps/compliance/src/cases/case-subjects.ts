import { Injectable } from '@nestjs/common';
import { LookupExpert, LookupInstitution, OpenComplianceCaseV1 } from '@firstset/contracts';
import { ApplicationState, MEASURE_SUBJECT } from '@firstset/domain';
import { MessageMeta, ServiceQueries } from '@firstset/messaging';
import { ComplianceErrors } from '../compliance.errors';
import { Db } from '../prisma';

export interface CaseSubject {
  kind: 'recognition' | 'institution' | 'expert';
  id: string;
  name: string;
  uscc: string | null;
}

/**
 * The subject a case names, checked to exist before anything is recorded (ADR 0026): a
 * recognition compliance learned of (and still RECOGNIZED or EXPIRED: M10.2 reaches an expired
 * one too), or an institution or expert expert management knows (ADR 0019).
 */
@Injectable()
export class CaseSubjects {
  constructor(private readonly queries: ServiceQueries) {}

  async resolve(db: Db, input: OpenComplianceCaseV1, meta: MessageMeta): Promise<CaseSubject> {
    const kind = MEASURE_SUBJECT[input.intendedMeasure] as CaseSubject['kind'];
    if (kind === 'recognition') {
      const rec = await db.recognition.findUnique({ where: { id: input.subjectId } });
      if (!rec) throw ComplianceErrors.recognitionNotFound();
      if (rec.state !== ApplicationState.RECOGNIZED && rec.state !== ApplicationState.EXPIRED) throw ComplianceErrors.recognitionNotValid(rec.state);
      return { kind, id: rec.id, name: `${rec.enterpriseName}（${rec.productName} ${rec.model}）`, uscc: rec.uscc };
    }
    if (kind === 'institution') {
      if (!input.subjectUscc) throw ComplianceErrors.institutionUsccRequired();
      const found = await this.queries.ask(LookupInstitution, { institutionId: input.subjectId, uscc: input.subjectUscc }, meta);
      if (!found.known || !found.id) throw ComplianceErrors.institutionUnknown();
      return { kind, id: found.id, name: found.name ?? input.subjectId, uscc: input.subjectUscc };
    }
    const found = await this.queries.ask(LookupExpert, { expertId: input.subjectId }, meta);
    if (!found.known || !found.id) throw ComplianceErrors.expertUnknown();
    return { kind, id: found.id, name: found.name ?? input.subjectId, uscc: null };
  }
}
