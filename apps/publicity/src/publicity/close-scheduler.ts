import { randomUUID } from 'node:crypto';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { CloseDuePublicities } from './close-due-publicities';

const INTERVAL_MS = 60 * 60_000;

/**
 * Closes the publicities whose period is over, hourly, as the system (M9.3): each gets its main
 * document's draft for the Department to issue. Not at start-up: a restart does not close a
 * publicity the Department is about to close itself. Replicas may overlap: closing is compare-and-set.
 */
@Injectable()
export class PublicityCloseScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('PublicityCloseScheduler');
  private timer?: NodeJS.Timeout;

  constructor(private readonly closeDue: CloseDuePublicities) {}

  onApplicationBootstrap(): void {
    const run = () =>
      this.closeDue
        .execute({ requestId: `close-due-${randomUUID()}`, actor: { userId: 'system:publicity-close', role: 'system' } })
        .then((r) => r.closed.length && this.logger.log(`${r.closed.length} publicities closed`))
        .catch((err: Error) => this.logger.error(`closing run failed: ${err.message}`));
    this.timer = setInterval(run, INTERVAL_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }
}
