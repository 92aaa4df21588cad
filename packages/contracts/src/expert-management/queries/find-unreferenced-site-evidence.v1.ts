import { ObjectKeysV1 } from '../../intake/queries/find-unreferenced-objects.v1';
import { defineQuery } from '../../contract';

/** Which of these stored objects no site evidence refers to (the gateway's sweep asks intake and this; system only). */
export const FindUnreferencedSiteEvidence = defineQuery('expert-management.site-visit.unreferenced-evidence.v1', ObjectKeysV1, 'UnreferencedObjectsV1');
