import { randomUUID } from 'node:crypto';
import { RecognitionIssued } from '@firstset/contracts';
import { eventually, publishEvent, recognitionIssuedEvent, schemaOf, sql, type TestEnv } from '@firstset/testing';

export const DEMO_USCC = '91150200MA0N4KXX4C';
export const DEMO_ENTERPRISE = '包头北方重型装备有限公司';

export interface SeededRecognition {
  recognitionId: string;
  documentNo: string;
}

/**
 * A recognition of the demo enterprise (Baotou), in publicity's registry and announced to
 * compliance by its `RecognitionIssued`, for journeys that start after issuing (its own journey).
 */
export async function seedRecognition(
  env: TestEnv,
  r: { tag: string; certificateNo: string; productName: string; series: string; model: string; year: number },
): Promise<SeededRecognition> {
  const s = `"${schemaOf(env, 'publicity')}"`;
  const [list, doc, recognitionId, applicationId] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  const documentNo = `内工信装备认字〔${r.year}〕8${r.tag}号`;
  const date = `${r.year}-01-15`;
  const validUntil = `${r.year + 3}-01-15`;
  await sql(env, `INSERT INTO ${s}.decision_lists (id, batch_id, status, decided_on, decided_by) VALUES ($1, $2, 'CLOSED', $3, 'seed')`, [list, randomUUID(), date]);
  await sql(env, `INSERT INTO ${s}.recognition_documents (id, decision_list_id, kind, status, document_no, year, seq, document_date, issued_at) VALUES ($1, $2, 'main', 'issued', $3, $4, $5, $6, now())`, [
    doc,
    list,
    documentNo,
    r.year,
    Number(`8${r.tag}`),
    date,
  ]);
  await sql(
    env,
    `INSERT INTO ${s}.recognitions (id, application_id, document_id, document_no, document_date, certificate_no, prefecture_id, field_code, year, valid_from, valid_until,
      uscc, enterprise_name, product_kind, product_name, series, model, issued_at)
     VALUES ($1, $2, $3, $4, $5, $6, '150200', 'EF04', $7, $5, $8, $9, $10, 'FIRST_SET_EQUIPMENT', $11, $12, $13, now())`,
    [recognitionId, applicationId, doc, documentNo, date, r.certificateNo, r.year, validUntil, DEMO_USCC, DEMO_ENTERPRISE, r.productName, r.series, r.model],
  );
  await publishEvent(
    env,
    RecognitionIssued,
    recognitionIssuedEvent({
      applicationId,
      recognitionId,
      applicationNo: `${r.year}-150200-9${r.tag}`,
      product: { kind: 'FIRST_SET_EQUIPMENT', name: r.productName, series: r.series, model: r.model, rdCompletedOn: `${r.year - 1}-03-01` },
      documentNo,
      documentDate: date,
      validFrom: date,
      validUntil,
    }),
  );
  await eventually(async () => (await sql(env, `SELECT 1 FROM "${schemaOf(env, 'compliance')}".recognitions WHERE id = $1`, [recognitionId])).length === 1);
  return { recognitionId, documentNo };
}
