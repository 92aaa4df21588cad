import { Logger } from '@nestjs/common';

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
    if (message.channel === 'sms' && !/^[0-9+\-() ]{5,20}$/.test(message.to)) throw new Error(`not a phone number: ${message.to}`);
    if (message.channel === 'sms' && message.body.length > 500) throw new Error('SMS longer than 500 characters');
    if (message.channel === 'email' && !/^[^@\s]+@[^@\s]+$/.test(message.to)) throw new Error(`not an e-mail address: ${message.to}`);
    const providerRef = `sim-${this.sent.length + 1}`;
    this.sent.push({ ...message, providerRef });
    this.logger.log(`${message.channel} to ${message.to}: ${message.subject}`);
    return { providerRef };
  }
}
