-- CreateTable
CREATE TABLE "recognitions" (
    "id" UUID NOT NULL,
    "application_id" UUID NOT NULL,
    "uscc" TEXT NOT NULL,
    "enterprise_name" TEXT NOT NULL,
    "product_kind" TEXT NOT NULL,
    "product_name" TEXT NOT NULL,
    "series" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "document_no" TEXT NOT NULL,
    "document_date" TEXT NOT NULL,
    "valid_from" TEXT NOT NULL,
    "valid_until" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "issued_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "recognitions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "revocations" (
    "id" UUID NOT NULL,
    "recognition_id" UUID NOT NULL,
    "application_id" UUID NOT NULL,
    "uscc" TEXT NOT NULL,
    "grounds" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "decision_date" TEXT NOT NULL,
    "decided_by" TEXT NOT NULL,
    "revoked_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "revocations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "applicant_bans" (
    "id" UUID NOT NULL,
    "uscc" TEXT NOT NULL,
    "starts_on" TEXT NOT NULL,
    "ends_on" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "revocation_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "applicant_bans_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "institution_bans" (
    "id" UUID NOT NULL,
    "institution_id" TEXT NOT NULL,
    "institution_uscc" TEXT NOT NULL,
    "error" TEXT NOT NULL,
    "decision_date" TEXT NOT NULL,
    "starts_on" TEXT NOT NULL,
    "ends_on" TEXT NOT NULL,
    "decided_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "institution_bans_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "expert_disqualifications" (
    "id" UUID NOT NULL,
    "expert_id" TEXT NOT NULL,
    "misconduct" TEXT NOT NULL,
    "detail" TEXT NOT NULL,
    "decision_date" TEXT NOT NULL,
    "lifted_on" TEXT,
    "decided_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "expert_disqualifications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "outbox_events" (
    "id" UUID NOT NULL,
    "subject" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "headers" JSONB NOT NULL DEFAULT '{}',
    "occurred_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "published_at" TIMESTAMPTZ(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,

    CONSTRAINT "outbox_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "inbox_events" (
    "consumer" TEXT NOT NULL,
    "event_id" UUID NOT NULL,
    "subject" TEXT NOT NULL,
    "processed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "inbox_events_pkey" PRIMARY KEY ("consumer","event_id")
);

-- CreateTable
CREATE TABLE "audit_records" (
    "id" UUID NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "actor_id" TEXT NOT NULL,
    "actor_role" TEXT NOT NULL,
    "jurisdiction" TEXT,
    "action" TEXT NOT NULL,
    "object_type" TEXT NOT NULL,
    "object_id" TEXT,
    "outcome" TEXT NOT NULL,
    "request_id" TEXT NOT NULL,
    "detail" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "audit_records_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "idempotency_records" (
    "key" TEXT NOT NULL,
    "actor_id" TEXT NOT NULL,
    "command" TEXT NOT NULL,
    "response" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "idempotency_records_pkey" PRIMARY KEY ("actor_id","command","key")
);

-- CreateIndex
CREATE UNIQUE INDEX "recognitions_application_id_key" ON "recognitions"("application_id");

-- CreateIndex
CREATE INDEX "recognitions_uscc_idx" ON "recognitions"("uscc");

-- CreateIndex
CREATE UNIQUE INDEX "revocations_recognition_id_key" ON "revocations"("recognition_id");

-- CreateIndex
CREATE INDEX "applicant_bans_uscc_idx" ON "applicant_bans"("uscc");

-- CreateIndex
CREATE INDEX "institution_bans_institution_id_idx" ON "institution_bans"("institution_id");

-- CreateIndex
CREATE INDEX "expert_disqualifications_expert_id_idx" ON "expert_disqualifications"("expert_id");

-- CreateIndex
CREATE INDEX "outbox_events_published_at_occurred_at_idx" ON "outbox_events"("published_at", "occurred_at");

-- AddForeignKey
ALTER TABLE "revocations" ADD CONSTRAINT "revocations_recognition_id_fkey" FOREIGN KEY ("recognition_id") REFERENCES "recognitions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "applicant_bans" ADD CONSTRAINT "applicant_bans_revocation_id_fkey" FOREIGN KEY ("revocation_id") REFERENCES "revocations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Platform: the audit log is append-only. Not even the service can rewrite history.
CREATE FUNCTION "audit_records_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_records is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER "audit_records_no_update_delete" BEFORE UPDATE OR DELETE ON "audit_records"
  FOR EACH ROW EXECUTE FUNCTION "audit_records_append_only"();
CREATE TRIGGER "audit_records_no_truncate" BEFORE TRUNCATE ON "audit_records"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_records_append_only"();
