import { LocalDate } from '../shared/local-date';

/** Tracking evaluation of a recognized product by its prefecture (M12.2). */
export interface TrackingEvaluation {
  recognitionId: string;
  recommendingBodyId: string;
  period: { from: LocalDate; to: LocalDate };
  unitsSold?: number;
  salesRevenueYuan?: number;
  customers?: string[];
  issues?: string;
  supportPolicies?: string[];
  submittedAt: Date;
}
