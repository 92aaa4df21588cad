import { Controller, Logger } from '@nestjs/common';
import { ApplicationAction, ApplicationState, isDomainError, transition } from '@firstset/domain';
import { ApplicationWithdrawn, ApplicationWithdrawnV1 } from '@firstset/contracts';
import { Consumes } from '@firstset/messaging';
import { Tx } from '../prisma';

/**
 * An application withdrawn by the enterprise (M7.1) or by the system on an applicant ban (M10.2)
 * while a reviewed candidate is no longer one the Department decides from: it is kept, marked
 * WITHDRAWN (the lifecycle's state, as every candidate's state is), so that the Department and
 * auditors still see what was reviewed and why it left, and a decision naming it is refused like
 * any application that is not a candidate. Once on a decided list the application is no longer
 * withdrawable (intake refuses), so a candidate past REVIEWED is left alone; a redelivery finds it
 * withdrawn. Every withdrawal is recorded first: a review that arrives after it (on another stream)
 * makes a WITHDRAWN candidate (`ReviewedCandidatesConsumer`).
 */
@Controller()
export class WithdrawnCandidatesConsumer {
  private readonly logger = new Logger('WithdrawnCandidatesConsumer');

  @Consumes(ApplicationWithdrawn, { durable: 'publicity-withdrawn-candidates' })
  async withdrawn(e: ApplicationWithdrawnV1, tx: Tx): Promise<void> {
    await tx.withdrawnApplication.createMany({
      data: [{ applicationId: e.applicationId, withdrawnAt: new Date(e.withdrawnAt), reason: e.reason?.trim() || null }],
      skipDuplicates: true,
    });
    const found = await tx.candidate.findUnique({ where: { applicationId: e.applicationId } });
    if (!found || found.state === ApplicationState.WITHDRAWN) return;
    let to: ApplicationState;
    try {
      to = transition(found.state as ApplicationState, ApplicationAction.withdraw, 'system').to;
    } catch (err) {
      if (!isDomainError(err)) throw err;
      this.logger.warn(`withdrawal of ${found.applicationId} ignored: candidate is ${found.state}`);
      return;
    }
    // Compare-and-set on the state: a decision taken meanwhile wins, and the event is judged again.
    const { count } = await tx.candidate.updateMany({ where: { applicationId: found.applicationId, state: found.state }, data: { state: to } });
    if (count !== 1) throw new Error(`candidate ${found.applicationId} changed meanwhile`);
  }
}
