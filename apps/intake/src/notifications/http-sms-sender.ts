import { createHmac } from 'node:crypto';
import { MessageSender, undeliverable, type OutgoingMessage } from './message-sender';

export interface HttpSmsSettings {
  /** The SMS gateway's send endpoint, e.g. the government SMS platform's or a provider bridge's. */
  url: string;
  /** The key the gateway issued (Bearer token and HMAC key of each request). */
  key: string;
  /** Signature the operator registered, put in front of each text, e.g. `【内蒙古工信厅】`. */
  signName: string;
  timeoutMs: number;
}

/**
 * SMS through an HTTP gateway. Government SMS platforms and commercial providers differ in names,
 * not in substance; a deployment maps its platform onto this interface in a small bridge:
 *
 *   POST <url>  Authorization: Bearer <key>
 *               X-Timestamp: <unix ms>   X-Signature: hex HMAC-SHA256(key, timestamp + "\n" + body)
 *               { "messageId": "<delivery id>", "phone": "…", "content": "【签名】…" }
 *   2xx         { "ref": "<the gateway's id>" }    (a repeated messageId must not send twice)
 *
 * Anything else (another status, no ref, a timeout) is a failure the dispatcher retries.
 */
export class HttpSmsSender extends MessageSender {
  constructor(private readonly settings: HttpSmsSettings) {
    super();
  }

  async send(message: OutgoingMessage): Promise<{ providerRef: string }> {
    if (message.channel !== 'sms') throw new Error(`the SMS gateway sends SMS, not ${message.channel}`);
    const refused = undeliverable(message);
    if (refused) throw new Error(refused);
    const body = JSON.stringify({
      messageId: message.id,
      phone: message.to.replace(/[\s()-]/g, ''),
      content: `${this.settings.signName}${message.body}`,
    });
    const timestamp = String(Date.now());
    const res = await fetch(this.settings.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${this.settings.key}`,
        'x-timestamp': timestamp,
        'x-signature': signSmsRequest(this.settings.key, timestamp, body),
      },
      body,
      signal: AbortSignal.timeout(this.settings.timeoutMs),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`SMS gateway answered HTTP ${res.status}: ${text.slice(0, 200)}`);
    let ref: unknown;
    try {
      ref = (JSON.parse(text) as { ref?: unknown }).ref;
    } catch {
      ref = undefined;
    }
    if (typeof ref !== 'string' || ref.length === 0 || ref.length > 200) {
      throw new Error(`SMS gateway answered without a reference: ${text.slice(0, 200)}`);
    }
    return { providerRef: ref };
  }
}

/** The request signature a gateway checks: HMAC-SHA256 over the timestamp and the exact body. */
export function signSmsRequest(key: string, timestamp: string, body: string): string {
  return createHmac('sha256', key).update(`${timestamp}\n${body}`).digest('hex');
}
