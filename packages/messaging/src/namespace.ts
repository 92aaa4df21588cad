// Subjects and stream names as the wire sees them. Contracts hold logical names
// (`intake.application.submitted.v1`, `INTAKE_EVENTS`); a namespace (tests, parallel runs) prefixes
// them (`t8f3a.intake.application.submitted.v1`, `t8f3a_INTAKE_EVENTS`). Production has none.

const NAMESPACE_PATTERN = /^[A-Za-z0-9-]{1,32}$/;
const DLQ_PREFIX = 'dlq';
export const DLQ_STREAM = 'DLQ';

export class Namespace {
  readonly prefix: string | undefined;

  constructor(prefix?: string) {
    if (prefix !== undefined && prefix !== '' && !NAMESPACE_PATTERN.test(prefix)) {
      throw new Error(`namespace "${prefix}" must match ${NAMESPACE_PATTERN} (no dots, no underscores)`);
    }
    this.prefix = prefix ? prefix : undefined;
  }

  /** Logical subject → wire subject. */
  subject(logical: string): string {
    return this.prefix ? `${this.prefix}.${logical}` : logical;
  }

  /** Wire subject → logical subject (unchanged if it does not carry this namespace). */
  logical(wire: string): string {
    if (!this.prefix) return wire;
    const head = `${this.prefix}.`;
    return wire.startsWith(head) ? wire.slice(head.length) : wire;
  }

  /** Logical stream name → JetStream stream name. */
  stream(logical: string): string {
    return this.prefix ? `${this.prefix}_${logical}` : logical;
  }

  /** Logical dead-letter subject for a message a service's consumer gave up on. */
  static dlqLogicalSubject(serviceName: string, logicalSubject: string): string {
    return `${DLQ_PREFIX}.${serviceName}.${logicalSubject}`;
  }

  /** The wire subjects the namespace's dead-letter stream captures. */
  dlqStreamSubjects(): string[] {
    return [this.subject(`${DLQ_PREFIX}.>`)];
  }
}
