-- Issue 14 (identity): forced password change, TOTP, lockout per username (existing or not).
ALTER TABLE "accounts" ADD COLUMN "must_change_password" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN "password_changed_at" TIMESTAMPTZ(3),
ADD COLUMN "totp_secret" TEXT,
ADD COLUMN "totp_pending_secret" TEXT,
ADD COLUMN "totp_enabled_at" TIMESTAMPTZ(3),
ADD COLUMN "totp_last_step" INTEGER;

-- The lockout moves to sign_in_failures (any username); the old per-account counters go.
ALTER TABLE "accounts" DROP COLUMN "failed_logins",
DROP COLUMN "locked_until";

CREATE INDEX "accounts_role_prefecture_id_idx" ON "accounts"("role", "prefecture_id");

CREATE TABLE "sign_in_failures" (
    "username" TEXT NOT NULL,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "locked_until" TIMESTAMPTZ(3),
    "last_failed_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "sign_in_failures_pkey" PRIMARY KEY ("username")
);

CREATE INDEX "sign_in_failures_last_failed_at_idx" ON "sign_in_failures"("last_failed_at");
