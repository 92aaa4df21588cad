import { randomUUID } from 'node:crypto';
import { LocalDate, yearOf } from '@firstset/domain';
import { Tx } from '../prisma';

/** Document number of the Department's recognition documents, sequential per year. */
export const documentNumber = (year: number, seq: number) => `内工信装备认字〔${year}〕${seq}号`;

/** Creates the list's recognition document with the year's next number (gap-free, per year). */
export async function createRecognitionDocument(tx: Tx, decisionListId: string, documentDate: LocalDate, issuedAt: Date) {
  const year = yearOf(documentDate);
  // Row-locking upsert: concurrent documents of one year take consecutive numbers.
  const { lastSeq } = await tx.documentNumberSequence.upsert({
    where: { year },
    create: { year, lastSeq: 1 },
    update: { lastSeq: { increment: 1 } },
  });
  return tx.recognitionDocument.create({
    data: {
      id: randomUUID(),
      decisionListId,
      documentNo: documentNumber(year, lastSeq),
      year,
      seq: lastSeq,
      documentDate,
      issuedAt,
    },
  });
}
