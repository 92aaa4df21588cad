import { ObjectKeysV1 } from '../../intake/queries/find-unreferenced-objects.v1';
import { defineQuery } from '../../contract';

/** Which of these stored objects no objection's evidence and no answer refers to (the gateway's sweep; system only). */
export const FindUnreferencedObjectionFiles = defineQuery('publicity.objection.unreferenced-files.v1', ObjectKeysV1, 'UnreferencedObjectsV1');
