/**
 * The only source of "now" in a service. Production uses the system clock; tests may start a
 * service with CLOCK_CONTROL=1 and move its clock forward, so that five working days of publicity
 * pass in a second.
 */
export abstract class Clock {
  abstract now(): Date;
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

export class ControllableClock extends Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Jump to an instant; time goes on running from there. Refuses to go back (events are ordered). */
  set(instant: Date): void {
    const offset = instant.getTime() - Date.now();
    if (offset < this.offsetMs) throw new Error('the clock only moves forward');
    this.offsetMs = offset;
  }
}
