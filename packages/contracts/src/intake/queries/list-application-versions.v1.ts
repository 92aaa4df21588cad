import { ApplicationRefDto } from '../../common/dto';
import { defineQuery } from '../../contract';

/** Every submitted version of an application with the differences between them. */
export const ListApplicationVersions = defineQuery('intake.application.versions.v1', ApplicationRefDto, 'ApplicationVersionListV1');
