import { defineCommand } from '../../contract';
import { MaterialRefV1 } from '../dto';

/** The enterprise removes a file from its draft (the stored content stays for earlier versions). */
export const RemoveMaterial = defineCommand('intake.material.remove.v1', MaterialRefV1, 'MaterialRemovedV1');
