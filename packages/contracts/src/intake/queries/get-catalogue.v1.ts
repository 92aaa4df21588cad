import { Matches } from 'class-validator';
import { defineQuery } from '../../contract';

export class CatalogueRefQueryV1 {
  @Matches(/^[a-z0-9][a-z0-9-]{0,59}$/)
  catalogueId!: string;

  @Matches(/^[0-9A-Za-z][0-9A-Za-z.\-_]{0,49}$/)
  version!: string;
}
/** A catalogue version: the Department's import when there is one, else the copy the platform ships. */
export const GetCatalogue = defineQuery('intake.catalogue.get.v1', CatalogueRefQueryV1, 'ScopeCatalogueViewV1');
