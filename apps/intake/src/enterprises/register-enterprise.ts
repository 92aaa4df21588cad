import type { EnterpriseViewV1 } from '@firstset/contracts';
import { Injectable } from '@nestjs/common';
import { parseUscc, routeToRecommendingBody } from '@firstset/domain';
import { RegisterEnterpriseV1 } from '@firstset/contracts';
import { MessageMeta, ServiceError } from '@firstset/messaging';
import { CommandRunner, domainRule, requireActor } from '@firstset/service-kit';
import { IntakeErrors } from '../intake.errors';
import { Tx } from '../prisma';

export type EnterpriseView = EnterpriseViewV1;

/**
 * The enterprise user's own enterprise profile, keyed by the credit code their account is bound
 * to. The registered address decides registration in the region and the recommending body (M5.1,
 * M7.2); the credit code is a cross-check only (it never changes when an enterprise moves).
 */
@Injectable()
export class RegisterEnterprise {
  constructor(private readonly commands: CommandRunner<Tx>) {}

  execute(input: RegisterEnterpriseV1, meta: MessageMeta): Promise<EnterpriseView> {
    const actor = requireActor(meta, ['enterprise']);
    const uscc = parseUscc(actor.enterpriseUscc!);
    return this.commands.run(meta, { action: 'enterprise.register', objectType: 'enterprise', objectId: uscc.code }, async (tx) => {
      if (!uscc.valid) {
        const errors = uscc.issues.filter((i) => i.severity === 'error');
        throw new ServiceError(
          'USCC_MALFORMED',
          422,
          '统一社会信用代码格式不正确 / The unified social credit code is malformed',
          errors.map((e) => `${e.message} / ${e.messageEn}`).join('; '),
        );
      }
      if (uscc.independentLegalPerson === false) throw IntakeErrors.notLegalPerson();
      if (!input.addressDivisionCode.startsWith('15')) throw IntakeErrors.notInRegion(input.addressDivisionCode);
      const body = domainRule(() => routeToRecommendingBody(input.addressDivisionCode));
      const warnings = uscc.issues.filter((i) => i.severity === 'warning').map((i) => `${i.message} / ${i.messageEn}`);
      if (uscc.prefectureDivision && !input.addressDivisionCode.startsWith(uscc.prefectureDivision)) {
        warnings.push(
          `信用代码登记地（${uscc.prefectureDivision}）与注册地址（${input.addressDivisionCode}）不一致，以注册地址为准 / ` +
            'the code was issued elsewhere than the registered address; the address decides',
        );
      }
      const data = {
        name: input.name,
        registeredAddress: input.registeredAddress,
        addressDivisionCode: input.addressDivisionCode,
        prefectureId: body.id,
        usccCheckOk: uscc.checkCharacterOk,
      };
      await tx.enterprise.upsert({ where: { uscc: uscc.code }, create: { uscc: uscc.code, ...data }, update: data });
      return {
        result: { uscc: uscc.code, ...data, prefectureName: body.nameZh, warnings },
        detail: { prefectureId: body.id, usccCheckOk: uscc.checkCharacterOk },
      };
    });
  }
}
