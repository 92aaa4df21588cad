import { randomUUID } from 'node:crypto';
import { expertManagementModule } from '@firstset/expert-management/module';
import { RunningService, schemaOf, sql, startServiceInProcess, TestEnv } from '@firstset/testing';

/** The institution and expert compliance sanctions in these tests, known to expert management. */
export const KNOWN_INSTITUTION = { id: randomUUID(), uscc: '91150100MA0P7RYY69', name: '内蒙古装备评价中心' };
export const KNOWN_EXPERT = { id: randomUUID(), name: '王明' };

/**
 * Compliance asks expert management before a sanction whether the institution or expert exists
 * (ADR 0019): the real service answers, on the run's schema and namespace, with one of each.
 */
export async function startExpertManagement(env: TestEnv): Promise<RunningService> {
  const svc = await startServiceInProcess(env, 'expert-management', expertManagementModule);
  const s = schemaOf(env, 'expert-management');
  await sql(env, `INSERT INTO "${s}".institutions (id, name, uscc) VALUES ($1, $2, $3)`, [KNOWN_INSTITUTION.id, KNOWN_INSTITUTION.name, KNOWN_INSTITUTION.uscc]);
  await sql(env, `INSERT INTO "${s}".experts (id, name, institution_id, field) VALUES ($1, $2, $3, '电力装备')`, [KNOWN_EXPERT.id, KNOWN_EXPERT.name, KNOWN_INSTITUTION.id]);
  return svc;
}
