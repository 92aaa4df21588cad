import { RegisterInstitutionV1 } from '@firstset/contracts';
import { parseUscc } from '@firstset/domain';
import { ExpertManagementErrors } from '../expert-management.errors';

/** The record's fields as stored: trimmed, the USCC normalized and checked (GB 32100 check character). */
export function institutionData(input: RegisterInstitutionV1) {
  const uscc = parseUscc(input.uscc);
  if (!uscc.valid) throw ExpertManagementErrors.usccInvalid(uscc.issues.filter((i) => i.severity === 'error').map((i) => i.message).join(' '));
  const opt = (v: string | undefined) => (v?.trim() ? v.trim() : null);
  return {
    name: input.name.trim(),
    uscc: uscc.code,
    qualification: input.qualification.trim(),
    qualificationNo: opt(input.qualificationNo),
    contactName: input.contactName.trim(),
    contactPhone: input.contactPhone.trim(),
    contactEmail: opt(input.contactEmail),
    address: opt(input.address),
  };
}
