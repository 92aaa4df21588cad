import { Tx } from '../prisma';

/**
 * Transaction-scoped advisory locks. Per batch: a commission and a newly recommended case of the
 * same batch see each other (no case is left unstarted). Per case: assignments, scores and the
 * completion of one case happen one after the other (no score lands after the conclusion).
 */
export async function lockBatch(tx: Tx, batchId: string): Promise<void> {
  await tx.$executeRawUnsafe('SELECT pg_advisory_xact_lock(hashtext($1))', `expert-management:batch:${batchId}`);
}

/** Per institution: a ban and a commission of that institution see each other (M10.3). */
export async function lockInstitution(tx: Tx, institutionId: string): Promise<void> {
  await tx.$executeRawUnsafe('SELECT pg_advisory_xact_lock(hashtext($1))', `expert-management:institution:${institutionId}`);
}

export async function lockCase(tx: Tx, applicationId: string): Promise<void> {
  await tx.$executeRawUnsafe('SELECT pg_advisory_xact_lock(hashtext($1))', `expert-management:case:${applicationId}`);
}
