import { Logger } from '@nestjs/common';
import { CONTACT_PHONE_PATTERN } from '@firstset/contracts';

/** One SMS or e-mail to a contact of an enterprise. */
export interface OutgoingMessage {
  id: string;
  channel: 'sms' | 'email';
  to: string;
  subject: string;
  body: string;
}

/**
 * SMS and e-mail behind a port: the deployment's SMS gateway or mail relay in production, the
 * simulator in development and tests. A failure is thrown; the dispatcher retries with backoff.
 */
export abstract class MessageSender {
  abstract send(message: OutgoingMessage): Promise<{ providerRef: string }>;

  /** Releases connections (the mail relay's pool); called when the service stops. */
  close(): void {}

  onModuleDestroy(): void {
    this.close();
  }
}

/** Longest SMS the platform sends (providers split it into 67-character parts and bill each). */
export const SMS_MAX_CHARS = 500;
const EMAIL = /^[^@\s]+@[^@\s]+$/;

/** What every sender refuses before talking to a provider: a message no provider could deliver. */
export function undeliverable(message: OutgoingMessage): string | null {
  if (message.channel === 'sms' && !CONTACT_PHONE_PATTERN.test(message.to)) return `not a phone number: ${message.to}`;
  if (message.channel === 'sms' && message.body.length > SMS_MAX_CHARS) return `SMS longer than ${SMS_MAX_CHARS} characters`;
  if (message.channel === 'email' && !EMAIL.test(message.to)) return `not an e-mail address: ${message.to}`;
  return null;
}

/** Each channel through its own sender: e.g. the SMS gateway for SMS and the mail relay for e-mail. */
export class ChannelMessageSender extends MessageSender {
  constructor(private readonly senders: Record<OutgoingMessage['channel'], MessageSender>) {
    super();
  }

  send(message: OutgoingMessage): Promise<{ providerRef: string }> {
    return this.senders[message.channel].send(message);
  }

  override close(): void {
    for (const sender of new Set(Object.values(this.senders))) sender.close();
  }
}

/**
 * Development and tests: checks each message as a provider would (an SMS to a phone number and at
 * most 500 characters, an e-mail to an address), keeps it, and can be told to fail (an outage).
 */
export class SimulatedMessageSender extends MessageSender {
  private readonly logger = new Logger('MessageSimulator');
  readonly sent: Array<OutgoingMessage & { providerRef: string }> = [];
  private outage = 0;

  /** The next `n` sends fail, as when the provider is down. */
  failNext(n: number): void {
    this.outage = n;
  }

  async send(message: OutgoingMessage): Promise<{ providerRef: string }> {
    if (this.outage > 0) {
      this.outage -= 1;
      throw new Error('simulated provider outage');
    }
    const refused = undeliverable(message);
    if (refused) throw new Error(refused);
    const providerRef = `sim-${this.sent.length + 1}`;
    this.sent.push({ ...message, providerRef });
    this.logger.log(`${message.channel} to ${message.to}: ${message.subject}`);
    return { providerRef };
  }
}
