/** The gateway's own replies (HTTP only, no message behind them). */

export type RoleV1 = 'enterprise' | 'prefecture_officer' | 'department_officer' | 'institution_staff' | 'expert' | 'auditor';

/** Who is signed in, as the token carries it. */
export interface ActorV1 {
  userId: string;
  role: RoleV1;
  displayName?: string;
  prefectureId?: string;
  enterpriseUscc?: string;
  institutionId?: string;
  expertId?: string;
}

export interface LoginResultV1 {
  accessToken: string;
  /** Seconds. */
  expiresIn: number;
  tokenType: 'Bearer';
  actor: ActorV1;
  /**
   * What the account must do before anything else (issue 14): choose a new password (an account
   * created by someone else), enrol a second factor (a role that requires one). Until then the
   * token opens only the account's own security routes.
   */
  pending: PendingStepV1[];
}

export type PendingStepV1 = 'password_change' | 'totp_enrolment';

/** The signed-in account's security settings (the account page). */
export interface AccountSecurityV1 {
  username: string;
  mustChangePassword: boolean;
  passwordChangedAt: string | null;
  totpEnabled: boolean;
  /** The account's role must have a second factor (REQUIRE_TOTP_FOR). */
  totpRequired: boolean;
  pending: PendingStepV1[];
}

/** A TOTP secret being enrolled: typed into an authenticator app, or its otpauth URI. */
export interface TotpEnrolmentV1 {
  secret: string;
  otpauthUri: string;
}

/** A prefecture officer's account, as the Department manages them (issue 13 item 9). */
export interface OfficerAccountV1 {
  id: string;
  username: string;
  displayName: string;
  prefectureId: string;
  disabled: boolean;
  mustChangePassword: boolean;
  createdAt: string;
}

/** One of an enterprise's user accounts, as its administrator manages them. */
export interface EnterpriseUserV1 {
  id: string;
  username: string;
  displayName: string;
  admin: boolean;
  disabled: boolean;
  createdAt: string;
}

/** A resumable upload: where it stands. */
export interface UploadSessionV1 {
  uploadId: string;
  offset: number;
  length: number;
}

export interface LivenessV1 {
  status: 'ok';
  service: string;
}

/** Health of the gateway's dependencies or of every service. */
export interface HealthReportV1 {
  status: 'ok' | 'error';
  [part: string]: unknown;
}

/** RFC 9457 problem details, as every 4xx and 5xx answer carries them; `title` is "中文 / English". */
export interface ProblemDetailsV1 {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance: string;
  /** Stable code (APPLICANT_BANNED, VALIDATION_FAILED, …). */
  code: string;
  requestId: string;
  /** The fields that failed validation, each with its message. */
  errors?: Array<{ field: string; message: string; rule?: string }>;
  /** A 429 (rate limit): seconds until the caller may try again, as in the Retry-After header. */
  retryAfterSeconds?: number;
}
