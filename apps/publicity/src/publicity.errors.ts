import { ServiceError } from '@firstset/messaging';

/** Publicity's refusals, with stable codes the gateway maps to problem details. */
export const PublicityErrors = {
  notReviewedCandidates: (ids: string[]) =>
    new ServiceError(
      'NOT_REVIEWED_CANDIDATES',
      422,
      '以下申请不是本批次评审完成的候选申请，名单未作任何改动 / These applications are not reviewed candidates of this batch; the list was not changed',
      ids.join(', '),
      ids.map((id) => ({ field: 'applicationIds', message: `${id} is not a REVIEWED candidate of the batch (M9.1)` })),
    ),
  decisionListNotFound: () => new ServiceError('DECISION_LIST_NOT_FOUND', 404, '认定名单不存在 / No such decision list'),
  alreadyPublished: (status: string) =>
    new ServiceError(
      'DECISION_LIST_ALREADY_PUBLISHED',
      409,
      '该认定名单已公示，不能再次公示 / This decision list has already been published',
      `status ${status}`,
    ),
  concurrentChange: () =>
    new ServiceError('CONCURRENT_CHANGE', 409, '数据已被同时修改，请刷新后重试 / The data changed meanwhile; reload and retry'),
  profilesMixed: (refs: string[]) =>
    new ServiceError(
      'POLICY_PROFILES_MIXED',
      409,
      `名单中的申请属于不同的政策配置（${refs.join('、')}），无法确定公示期 / The list mixes policy profiles (${refs.join(', ')}); the publicity period is ambiguous`,
    ),
};
