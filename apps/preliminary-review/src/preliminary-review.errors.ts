import { ServiceError } from '@firstset/messaging';

/** Preliminary review's refusals, with stable codes the gateway maps to problem details. */
export const PreliminaryReviewErrors = {
  concurrentChange: () =>
    new ServiceError('CONCURRENT_CHANGE', 409, '申请已被同时处理，请刷新后重试 / The application changed meanwhile; reload and retry'),
};
