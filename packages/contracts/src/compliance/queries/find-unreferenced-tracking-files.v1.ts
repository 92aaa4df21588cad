import { ObjectKeysV1 } from '../../intake/queries/find-unreferenced-objects.v1';
import { defineQuery } from '../../contract';

/** Which of these stored objects no tracking report refers to (the gateway's sweep; system only). */
export const FindUnreferencedTrackingFiles = defineQuery('compliance.tracking.unreferenced-files.v1', ObjectKeysV1, 'UnreferencedObjectsV1');
