import { IsUUID } from 'class-validator';
import { defineQuery } from '../../contract';

export class CertificateRefV1 {
  @IsUUID()
  applicationId!: string;
}

/** A recognized product's certificate as PDF with the QR code of its verification URL (M9.3, M13.1): its enterprise, the Department, the auditor. */
export const ExportCertificatePdf = defineQuery('publicity.certificate.export-pdf.v1', CertificateRefV1, 'ExportedFileV1');
