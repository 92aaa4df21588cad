import { ApplicationRefDto } from '../../common/dto';
import { defineQuery } from '../../contract';

/** The application's current materials, slot by slot. */
export const ListMaterials = defineQuery('intake.material.list.v1', ApplicationRefDto, 'MaterialListV1');
