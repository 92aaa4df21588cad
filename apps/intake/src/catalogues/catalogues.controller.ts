import { Controller } from '@nestjs/common';
import { CatalogueRefQueryV1, GetCatalogue, ImportCatalogue as Import, ImportCatalogueV1 } from '@firstset/contracts';
import { Answers, MessageMeta } from '@firstset/messaging';
import { ImportCatalogue, ReadCatalogue } from './import-catalogue';

/** M4.3: the new-materials catalogue the Department imports, and its versions. */
@Controller()
export class CataloguesController {
  constructor(
    private readonly importCatalogue: ImportCatalogue,
    private readonly readCatalogue: ReadCatalogue,
  ) {}

  @Answers(Import)
  import(input: ImportCatalogueV1, meta: MessageMeta) {
    return this.importCatalogue.execute(input, meta);
  }

  @Answers(GetCatalogue)
  get(input: CatalogueRefQueryV1) {
    return this.readCatalogue.get(input);
  }
}
