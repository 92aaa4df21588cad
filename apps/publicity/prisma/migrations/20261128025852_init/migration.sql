-- CreateTable
CREATE TABLE "candidates" (
    "application_id" UUID NOT NULL,
    "batch_id" UUID NOT NULL,
    "application_no" TEXT NOT NULL,
    "prefecture_id" TEXT NOT NULL,
    "uscc" TEXT NOT NULL,
    "enterprise_name" TEXT NOT NULL,
    "registered_address" TEXT NOT NULL,
    "product_kind" TEXT NOT NULL,
    "product_name" TEXT NOT NULL,
    "series" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "rd_completed_on" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "opinion" TEXT NOT NULL,
    "reviewed_at" TIMESTAMPTZ(3) NOT NULL,
    "state" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "candidates_pkey" PRIMARY KEY ("application_id")
);

-- CreateTable
CREATE TABLE "decision_lists" (
    "id" UUID NOT NULL,
    "batch_id" UUID NOT NULL,
    "status" TEXT NOT NULL,
    "decided_on" TEXT NOT NULL,
    "decided_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "decision_lists_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "decision_list_entries" (
    "id" UUID NOT NULL,
    "decision_list_id" UUID NOT NULL,
    "application_id" UUID NOT NULL,

    CONSTRAINT "decision_list_entries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "publicities" (
    "id" UUID NOT NULL,
    "decision_list_id" UUID NOT NULL,
    "publication_date" TEXT NOT NULL,
    "start_date" TEXT NOT NULL,
    "end_date" TEXT NOT NULL,
    "working_days" INTEGER NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "rule_zh" TEXT NOT NULL,
    "rule_en" TEXT NOT NULL,
    "profile_id" TEXT NOT NULL,
    "profile_version" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "published_by" TEXT NOT NULL,
    "closed_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "publicities_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "objections" (
    "id" UUID NOT NULL,
    "entry_id" UUID NOT NULL,
    "objector_name" TEXT NOT NULL,
    "contact" TEXT NOT NULL,
    "grounds" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "lodged_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "objections_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "recognition_documents" (
    "id" UUID NOT NULL,
    "decision_list_id" UUID NOT NULL,
    "document_no" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "seq" INTEGER NOT NULL,
    "document_date" TEXT NOT NULL,
    "issued_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "recognition_documents_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "recognitions" (
    "id" UUID NOT NULL,
    "application_id" UUID NOT NULL,
    "document_id" UUID NOT NULL,
    "document_no" TEXT NOT NULL,
    "document_date" TEXT NOT NULL,
    "valid_from" TEXT NOT NULL,
    "valid_until" TEXT NOT NULL,
    "uscc" TEXT NOT NULL,
    "enterprise_name" TEXT NOT NULL,
    "product_kind" TEXT NOT NULL,
    "product_name" TEXT NOT NULL,
    "series" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "issued_at" TIMESTAMPTZ(3) NOT NULL,
    "revoked_on" TEXT,
    "revocation_id" UUID,

    CONSTRAINT "recognitions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "calendar_days" (
    "date" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "name_zh" TEXT NOT NULL,

    CONSTRAINT "calendar_days_pkey" PRIMARY KEY ("date")
);

-- CreateTable
CREATE TABLE "calendar_years" (
    "year" INTEGER NOT NULL,
    "confirmed" BOOLEAN NOT NULL,
    "source" TEXT NOT NULL,
    "confirmed_at" TIMESTAMPTZ(3),

    CONSTRAINT "calendar_years_pkey" PRIMARY KEY ("year")
);

-- CreateTable
CREATE TABLE "document_number_sequences" (
    "year" INTEGER NOT NULL,
    "last_seq" INTEGER NOT NULL,

    CONSTRAINT "document_number_sequences_pkey" PRIMARY KEY ("year")
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
CREATE INDEX "candidates_batch_id_state_idx" ON "candidates"("batch_id", "state");

-- CreateIndex
CREATE INDEX "decision_lists_batch_id_idx" ON "decision_lists"("batch_id");

-- CreateIndex
CREATE UNIQUE INDEX "decision_list_entries_application_id_key" ON "decision_list_entries"("application_id");

-- CreateIndex
CREATE INDEX "decision_list_entries_decision_list_id_idx" ON "decision_list_entries"("decision_list_id");

-- CreateIndex
CREATE UNIQUE INDEX "publicities_decision_list_id_key" ON "publicities"("decision_list_id");

-- CreateIndex
CREATE INDEX "publicities_status_ends_at_idx" ON "publicities"("status", "ends_at");

-- CreateIndex
CREATE INDEX "objections_entry_id_status_idx" ON "objections"("entry_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "recognition_documents_decision_list_id_key" ON "recognition_documents"("decision_list_id");

-- CreateIndex
CREATE UNIQUE INDEX "recognition_documents_document_no_key" ON "recognition_documents"("document_no");

-- CreateIndex
CREATE UNIQUE INDEX "recognition_documents_year_seq_key" ON "recognition_documents"("year", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "recognitions_application_id_key" ON "recognitions"("application_id");

-- CreateIndex
CREATE INDEX "recognitions_revoked_on_idx" ON "recognitions"("revoked_on");

-- CreateIndex
CREATE INDEX "outbox_events_published_at_occurred_at_idx" ON "outbox_events"("published_at", "occurred_at");

-- AddForeignKey
ALTER TABLE "decision_list_entries" ADD CONSTRAINT "decision_list_entries_decision_list_id_fkey" FOREIGN KEY ("decision_list_id") REFERENCES "decision_lists"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "decision_list_entries" ADD CONSTRAINT "decision_list_entries_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "candidates"("application_id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "publicities" ADD CONSTRAINT "publicities_decision_list_id_fkey" FOREIGN KEY ("decision_list_id") REFERENCES "decision_lists"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "objections" ADD CONSTRAINT "objections_entry_id_fkey" FOREIGN KEY ("entry_id") REFERENCES "decision_list_entries"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recognition_documents" ADD CONSTRAINT "recognition_documents_decision_list_id_fkey" FOREIGN KEY ("decision_list_id") REFERENCES "decision_lists"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recognitions" ADD CONSTRAINT "recognitions_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "recognition_documents"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


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
