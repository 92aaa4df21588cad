import { createTransport, type Transporter } from 'nodemailer';
import { MessageSender, undeliverable, type OutgoingMessage } from './message-sender';

export interface SmtpSettings {
  /** `smtp://user:password@host:587` (STARTTLS when offered; `?requireTLS=1` to insist) or `smtps://…:465`. */
  url: string;
  /** The sender as recipients see it, e.g. `内蒙古自治区工业和信息化厅 <noreply@gxt.nmg.gov.cn>`. */
  from: string;
  timeoutMs: number;
}

/**
 * E-mail through the deployment's mail relay (SMTP, pooled connections). The delivery id is the
 * Message-ID, so a retry after a lost reply is recognisable in the relay's log; the relay's queue id
 * is the provider reference.
 */
export class SmtpMailSender extends MessageSender {
  private readonly transport: Transporter;

  constructor(private readonly settings: SmtpSettings) {
    super();
    const url = new URL(settings.url);
    this.transport = createTransport({
      host: url.hostname,
      port: Number(url.port) || (url.protocol === 'smtps:' ? 465 : 587),
      secure: url.protocol === 'smtps:',
      requireTLS: url.searchParams.get('requireTLS') === '1',
      auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
      pool: true,
      maxConnections: 2,
      connectionTimeout: settings.timeoutMs,
      greetingTimeout: settings.timeoutMs,
      socketTimeout: settings.timeoutMs,
    });
  }

  async send(message: OutgoingMessage): Promise<{ providerRef: string }> {
    if (message.channel !== 'email') throw new Error(`the mail relay sends e-mail, not ${message.channel}`);
    const refused = undeliverable(message);
    if (refused) throw new Error(refused);
    const info = await this.transport.sendMail({
      from: this.settings.from,
      to: message.to,
      subject: message.subject,
      text: message.body,
      // Chinese text: base64 is a third smaller than quoted-printable's =E4=B8=AD… escapes.
      textEncoding: 'base64',
      messageId: `<${message.id}@firstset.notifications>`,
    });
    if ((info.rejected ?? []).length > 0) throw new Error(`the mail relay refused ${message.to}: ${info.response}`);
    return { providerRef: queueIdOf(info.response ?? '') ?? info.messageId ?? message.id };
  }

  override close(): void {
    this.transport.close();
  }
}

/** "250 2.0.0 Ok: queued as 4B2C1A0F" → "4B2C1A0F" (the relay's own id, for tracing a delivery). */
function queueIdOf(response: string): string | undefined {
  return /queued as ([A-Za-z0-9._-]+)/.exec(response)?.[1];
}
