import type { InstitutionDetailV1 } from '@firstset/contracts';
import { LocalDate } from '@firstset/domain';
import { Institution } from '../generated/prisma/client';
import { Db, Tx } from '../prisma';
import { commissionViews } from '../commissions/commission-view';
import { institutionBannedOn } from '../commissions/sanctions';

export type InstitutionDetail = InstitutionDetailV1;

/** The institution's record with its ban today (M10.3) and its commissions, newest first (M8.1). */
export async function institutionDetail(db: Db | Tx, i: Institution, today: LocalDate): Promise<InstitutionDetail> {
  const commissions = await db.commission.findMany({
    where: { institutionId: i.id },
    include: { institution: { select: { name: true } } },
    orderBy: [{ commissionedAt: 'desc' }, { id: 'asc' }],
  });
  return {
    id: i.id,
    name: i.name,
    uscc: i.uscc,
    qualification: i.qualification,
    qualificationNo: i.qualificationNo,
    contactName: i.contactName,
    contactPhone: i.contactPhone,
    contactEmail: i.contactEmail,
    address: i.address,
    bannedUntil: i.bannedUntil,
    banned: institutionBannedOn(i, today),
    registeredAt: i.registeredAt?.toISOString() ?? null,
    version: i.version,
    commissions: await commissionViews(db, commissions),
  };
}
