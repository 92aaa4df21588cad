import { Controller, Inject } from '@nestjs/common';
import { ApplicationState, DEFAULT_POLICY_PROFILE_REF } from '@firstset/domain';
import { ApplicationSubmitted, ApplicationSubmittedV1 } from '@firstset/contracts';
import { ConsumesBatch, MessageMeta } from '@firstset/messaging';
import { SERVICE_CONFIG, ServiceConfig } from '@firstset/service-kit';
import { Tx } from '../prisma';

/**
 * An application submitted in intake becomes a case in its prefecture's queue (M7.2). The inbox
 * drops a redelivered event; a second event for the same application (republished under another
 * id) finds the case and changes nothing, so the queue never holds an application twice.
 */
@Controller()
export class ReceiveSubmissionsConsumer {
  constructor(@Inject(SERVICE_CONFIG) private readonly config: ServiceConfig) {}

  /**
   * Many submissions at once (the deadline rush): one insert; a case already there is left as it is.
   * One event alone (the consumer's fallback when a shared batch fails) takes the same statement.
   */
  @ConsumesBatch(ApplicationSubmitted, { durable: 'preliminary-review-submissions' })
  async receive(events: Array<{ payload: ApplicationSubmittedV1; meta: MessageMeta }>, tx: Tx): Promise<void> {
    const rows = events.map(({ payload: e, meta }) => ({
      id: e.applicationId,
      batch_id: e.batchId,
      application_no: e.applicationNo,
      application_version: e.version,
      prefecture_id: e.prefectureId,
      enterprise_uscc: e.enterprise.uscc,
      enterprise_name: e.enterprise.name,
      enterprise_address: e.enterprise.registeredAddress,
      product_kind: e.product.kind,
      product_name: e.product.name,
      series: e.product.series,
      model: e.product.model,
      rd_completed_on: e.product.rdCompletedOn,
      policy_profile_id: e.policyProfile?.id ?? DEFAULT_POLICY_PROFILE_REF.id,
      policy_profile_version: e.policyProfile?.version ?? DEFAULT_POLICY_PROFILE_REF.version,
      catalogue_entry_code: e.catalogueEntryCode ?? null,
      credit: e.credit ?? null,
      flags: e.flags ?? [],
      declarations: e.declarations ?? null,
      materials_required_at_submission: e.materialsRequiredAtSubmission ?? null,
      partners: e.partners ?? [],
      received_at: e.submittedAt,
      source_event_id: meta.eventId,
    }));
    await tx.$executeRawUnsafe(
      `INSERT INTO "${this.config.dbSchema}".review_cases (id, batch_id, application_no, application_version, prefecture_id,
              enterprise_uscc, enterprise_name, enterprise_address, product_kind, product_name, series, model, rd_completed_on,
              catalogue_entry_code, credit, flags, declarations, materials_required_at_submission, state, received_at, source_event_id,
              updated_at, policy_profile_id, policy_profile_version, partners)
       SELECT id, batch_id, application_no, application_version, prefecture_id, enterprise_uscc, enterprise_name,
              enterprise_address, product_kind, product_name, series, model, rd_completed_on, catalogue_entry_code, credit,
              COALESCE(flags, '[]'::jsonb), declarations, materials_required_at_submission, $2, received_at, source_event_id, now(),
              policy_profile_id, policy_profile_version, COALESCE(partners, '[]'::jsonb)
         FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, batch_id uuid, application_no text, application_version int,
              prefecture_id text, enterprise_uscc text, enterprise_name text, enterprise_address text, product_kind text,
              product_name text, series text, model text, rd_completed_on text, catalogue_entry_code text, credit jsonb,
              flags jsonb, declarations jsonb, materials_required_at_submission boolean, received_at timestamptz, source_event_id uuid,
              policy_profile_id text, policy_profile_version text, partners jsonb)
       ON CONFLICT (id) DO NOTHING`,
      JSON.stringify(rows),
      ApplicationState.SUBMITTED,
    );
  }
}
