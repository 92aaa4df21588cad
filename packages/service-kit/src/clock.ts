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

  /** Jump to an instant (tests pin a known date); time goes on running from there. */
  set(instant: Date): void {
    if (Number.isNaN(instant.getTime())) throw new Error('not an instant');
    this.offsetMs = instant.getTime() - Date.now();
  }
}
