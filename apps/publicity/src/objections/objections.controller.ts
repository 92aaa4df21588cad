import { Controller } from '@nestjs/common';
import {
  AnswerObjectionInquiry as Answer,
  AnswerObjectionInquiryV1,
  AskObjectionParty as Ask,
  AskObjectionPartyV1,
  AssessObjection as Assess,
  AssessObjectionV1,
  AttachObjectionEvidence as Attach,
  AttachObjectionEvidenceV1,
  AttachInquiryFile,
  AttachInquiryFileV1,
  AuthorizeInquiryAttachmentUpload,
  AuthorizeObjectionFileDownload,
  FindUnreferencedObjectionFiles,
  InquiryRefV1,
  ObjectionFileRefV1,
  ObjectKeysV1,
  DecideObjection as Decide,
  DecideObjectionV1,
  EmptyDto,
  FollowObjection,
  FollowObjectionV1,
  GetObjection,
  IdDto,
  ListMyInquiries,
  ListObjections,
  ListObjectionsV1,
  LodgeObjection as Lodge,
  LodgeObjectionV1,
} from '@firstset/contracts';
import { Answers, MessageMeta } from '@firstset/messaging';
import { AnswerObjectionInquiry } from './answer-objection-inquiry';
import { AskObjectionParty } from './ask-objection-party';
import { AssessObjection } from './assess-objection';
import { DecideObjection } from './decide-objection';
import { AttachObjectionEvidence, LodgeObjection } from './lodge-objection';
import { ReadObjections } from './read-objections';
import { ObjectionFiles } from './objection-files';

/** Objections to a publicized list, handled as cases (M9.2, M9.3; ADR 0025). */
@Controller()
export class ObjectionsController {
  constructor(
    private readonly lodgeObjection: LodgeObjection,
    private readonly attachEvidence: AttachObjectionEvidence,
    private readonly assessObjection: AssessObjection,
    private readonly askParty: AskObjectionParty,
    private readonly answerInquiry: AnswerObjectionInquiry,
    private readonly decideObjection: DecideObjection,
    private readonly read: ReadObjections,
    private readonly files: ObjectionFiles,
  ) {}

  @Answers(AuthorizeObjectionFileDownload)
  authorizeDownload(input: ObjectionFileRefV1, meta: MessageMeta) {
    return this.files.authorizeDownload(input, meta);
  }

  @Answers(AuthorizeInquiryAttachmentUpload)
  authorizeUpload(input: InquiryRefV1, meta: MessageMeta) {
    return this.files.authorizeUpload(input, meta);
  }

  @Answers(AttachInquiryFile)
  attachToAnswer(input: AttachInquiryFileV1, meta: MessageMeta) {
    return this.files.attach(input, meta);
  }

  @Answers(FindUnreferencedObjectionFiles)
  unreferenced(input: ObjectKeysV1, meta: MessageMeta) {
    return this.files.unreferenced(input, meta);
  }

  @Answers(Lodge)
  lodge(input: LodgeObjectionV1, meta: MessageMeta) {
    return this.lodgeObjection.execute(input, meta);
  }

  @Answers(Attach)
  attach(input: AttachObjectionEvidenceV1, meta: MessageMeta) {
    return this.attachEvidence.execute(input, meta);
  }

  @Answers(FollowObjection)
  follow(input: FollowObjectionV1) {
    return this.read.follow(input);
  }

  @Answers(ListObjections)
  list(input: ListObjectionsV1, meta: MessageMeta) {
    return this.read.list(input, meta);
  }

  @Answers(GetObjection)
  get(input: IdDto, meta: MessageMeta) {
    return this.read.get(input.id, meta);
  }

  @Answers(Assess)
  assess(input: AssessObjectionV1, meta: MessageMeta) {
    return this.assessObjection.execute(input, meta);
  }

  @Answers(Ask)
  ask(input: AskObjectionPartyV1, meta: MessageMeta) {
    return this.askParty.execute(input, meta);
  }

  @Answers(ListMyInquiries)
  mine(_: EmptyDto, meta: MessageMeta) {
    return this.read.mine(meta);
  }

  @Answers(Answer)
  answer(input: AnswerObjectionInquiryV1, meta: MessageMeta) {
    return this.answerInquiry.execute(input, meta);
  }

  @Answers(Decide)
  decide(input: DecideObjectionV1, meta: MessageMeta) {
    return this.decideObjection.execute(input, meta);
  }
}
