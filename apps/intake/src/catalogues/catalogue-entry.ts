import { CatalogueRef, EQUIPMENT_FIELDS_CATALOGUE, findCatalogueEntry, isDomainError, PolicyProfile, ScopeCatalogue } from '@firstset/domain';
import { ServiceError } from '@firstset/messaging';
import { fromDomainError } from '@firstset/service-kit';
import type { DraftFields } from '../applications/application-snapshot';

const MATERIAL = 'FIRST_BATCH_MATERIAL';

/**
 * The new-materials catalogue version a material's category is judged by (M4.3): the version the
 * form recorded, else the one its batch's profile names. Null when there is nothing to load (no
 * category chosen, or equipment, judged by the shipped fields of M4.2).
 */
export function materialsCatalogueRef(productKind: string, form: Pick<DraftFields, 'catalogueEntryCode' | 'catalogueVersion'>, profile: PolicyProfile): CatalogueRef | null {
  if (!form.catalogueEntryCode || productKind !== MATERIAL) return null;
  return { id: profile.materialsCatalogue.id, version: form.catalogueVersion ?? profile.materialsCatalogue.version };
}

/**
 * M4.2, M4.3: the category the form names is an entry of its catalogue, whose version is recorded
 * with the form. Both the draft's autosave and the one-request submission judge it here.
 * `materials` is the catalogue loaded for `materialsCatalogueRef` (null: that version is neither
 * imported nor shipped, which the pre-submission check flags as a version to verify).
 * Refused with CATALOGUE_ENTRY_UNKNOWN (422) at the field `catalogueEntryCode`.
 */
export function judgeCatalogueEntry(productKind: string, form: DraftFields, profile: PolicyProfile, materials: Pick<ScopeCatalogue, 'id' | 'version' | 'entries'> | null): void {
  const code = form.catalogueEntryCode;
  if (!code) return;
  const ref = materialsCatalogueRef(productKind, form, profile);
  const catalogue = ref ? materials : EQUIPMENT_FIELDS_CATALOGUE;
  form.catalogueVersion = ref ? ref.version : EQUIPMENT_FIELDS_CATALOGUE.version;
  if (!catalogue) return;
  try {
    findCatalogueEntry(catalogue as ScopeCatalogue, code);
  } catch (err) {
    if (!isDomainError(err)) throw err;
    const { code: reason, status, title, detail } = fromDomainError(err);
    throw new ServiceError(reason, status, title, detail, [{ field: 'catalogueEntryCode', message: `${err.message} / ${err.messageEn}` }]);
  }
}
