import { ApplicationAction, ApplicationState, GuardFact, transition } from '@firstset/domain';
import { domainRule } from '@firstset/service-kit';
import { PublicityErrors } from '../publicity.errors';
import { Tx } from '../prisma';
import { ObjectionErrors } from './objections.errors';
import { OBJECTION_ROW, ObjectionRow } from './objection-view';

/** The objection a Department command acts on: known, at the version the officer read, in the status it needs. */
export async function objectionForChange(tx: Tx, id: string, expectedVersion: number, status: string): Promise<ObjectionRow> {
  const o = await tx.objection.findUnique({ where: { id }, include: OBJECTION_ROW });
  if (!o) throw ObjectionErrors.notFound();
  if (o.version !== expectedVersion) throw ObjectionErrors.stale(o.version);
  if (o.status !== status) throw ObjectionErrors.wrongStatus(o.status, status);
  return o;
}

/** Writes the objection's change if nobody changed it since it was read (compare-and-set on its version). */
export async function saveObjection(tx: Tx, o: ObjectionRow, data: Record<string, unknown>): Promise<ObjectionRow> {
  const { count } = await tx.objection.updateMany({ where: { id: o.id, version: o.version }, data: { ...data, version: o.version + 1 } });
  if (count !== 1) throw ObjectionErrors.stale(o.version);
  return (await tx.objection.findUnique({ where: { id: o.id }, include: OBJECTION_ROW }))!;
}

/** Moves the objection's entry through the lifecycle (M9.2, M9.3), compare-and-set on its state. */
export async function moveEntry(
  tx: Tx,
  o: ObjectionRow,
  action: ApplicationAction,
  reason: string,
  facts: Partial<Record<GuardFact, boolean>> = {},
): Promise<ApplicationState> {
  const c = o.entry.candidate;
  const { to } = domainRule(() => transition(c.state as ApplicationState, action, 'department_officer', { reason, facts }));
  if (to === c.state) return to;
  const { count } = await tx.candidate.updateMany({ where: { applicationId: c.applicationId, state: c.state }, data: { state: to } });
  if (count !== 1) throw PublicityErrors.concurrentChange();
  return to;
}
