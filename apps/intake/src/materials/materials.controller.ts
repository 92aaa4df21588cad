import { Controller } from '@nestjs/common';
import {
  ApplicationRefDto,
  AttachMaterial as Attach,
  AttachMaterialV1,
  AuthorizeMaterialDownload,
  AuthorizeMaterialUpload,
  FindUnreferencedObjects,
  ListMaterials,
  MaterialRefV1,
  MaterialSlotRefV1,
  ObjectKeysV1,
  RemoveMaterial,
} from '@firstset/contracts';
import { Answers, MessageMeta } from '@firstset/messaging';
import { AttachMaterial } from './attach-material';
import { AuthorizeUpload } from './authorize-upload';
import { ReadMaterials } from './read-materials';

/** An application's materials (M7.4): uploads, the slots they fill, authorized downloads. */
@Controller()
export class MaterialsController {
  constructor(
    private readonly authorizeUpload: AuthorizeUpload,
    private readonly attachMaterial: AttachMaterial,
    private readonly materials: ReadMaterials,
  ) {}

  @Answers(AuthorizeMaterialUpload)
  authorizeUploadOf(input: MaterialSlotRefV1, meta: MessageMeta) {
    return this.authorizeUpload.execute(input, meta);
  }

  @Answers(Attach)
  attach(input: AttachMaterialV1, meta: MessageMeta) {
    return this.attachMaterial.execute(input, meta);
  }

  @Answers(ListMaterials)
  list(input: ApplicationRefDto, meta: MessageMeta) {
    return this.materials.list(input, meta);
  }

  @Answers(FindUnreferencedObjects)
  unreferenced(input: ObjectKeysV1, meta: MessageMeta) {
    return this.materials.unreferenced(input, meta);
  }

  @Answers(RemoveMaterial)
  remove(input: MaterialRefV1, meta: MessageMeta) {
    return this.materials.remove(input, meta);
  }

  @Answers(AuthorizeMaterialDownload)
  authorizeDownload(input: MaterialRefV1, meta: MessageMeta) {
    return this.materials.authorizeDownload(input, meta);
  }
}
