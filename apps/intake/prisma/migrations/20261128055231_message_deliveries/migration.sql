-- CreateTable
CREATE TABLE "message_deliveries" (
    "id" UUID NOT NULL,
    "notification_id" UUID NOT NULL,
    "enterprise_uscc" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL,
    "sent_at" TIMESTAMPTZ(3),
    "provider_ref" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "message_deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "message_deliveries_state_next_attempt_at_idx" ON "message_deliveries"("state", "next_attempt_at");

-- CreateIndex
CREATE UNIQUE INDEX "message_deliveries_notification_id_channel_recipient_key" ON "message_deliveries"("notification_id", "channel", "recipient");

