import { ArrayMaxSize, IsArray, Matches } from 'class-validator';
import { defineQuery } from '../../contract';

/** Object keys the gateway's sweep found old and wants to know about (system only). */
export class ObjectKeysV1 {
  @IsArray()
  @ArrayMaxSize(1000)
  @Matches(/^sha256\/[0-9a-f]{2}\/[0-9a-f]{64}$/, { each: true })
  objectKeys!: string[];
}
/** Which of these stored objects no material refers to (orphans of interrupted uploads): answered with `{ unreferenced }`. */
export const FindUnreferencedObjects = defineQuery('intake.material.unreferenced-objects.v1', ObjectKeysV1, 'UnreferencedObjectsV1');
