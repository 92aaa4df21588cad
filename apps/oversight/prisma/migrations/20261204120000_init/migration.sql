-- CreateTable
CREATE TABLE "batches" (
    "id" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "prefecture_deadline" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "batches_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "applications" (
    "id" UUID NOT NULL,
    "application_no" TEXT,
    "batch_id" UUID,
    "prefecture_id" TEXT,
    "uscc" TEXT,
    "recognition_id" UUID,
    "state" TEXT NOT NULL,
    "submitted_at" TIMESTAMPTZ(3),
    "submitted_on" DATE,
    "preliminary_concluded_at" TIMESTAMPTZ(3),
    "preliminary_outcome" TEXT,
    "return_count" INTEGER NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "applications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "application_marks" (
    "application_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "application_marks_pkey" PRIMARY KEY ("application_id","kind","at")
);

-- CreateTable
CREATE TABLE "application_stages" (
    "application_id" UUID NOT NULL,
    "stage" TEXT NOT NULL,
    "batch_id" UUID,
    "prefecture_id" TEXT,
    "submitted_on" DATE,
    "visits" INTEGER NOT NULL,
    "seconds" DOUBLE PRECISION NOT NULL,
    "entered_at" TIMESTAMPTZ(3) NOT NULL,
    "left_at" TIMESTAMPTZ(3),
    "open_since" TIMESTAMPTZ(3),

    CONSTRAINT "application_stages_pkey" PRIMARY KEY ("application_id","stage")
);

-- CreateTable
CREATE TABLE "correction_returns" (
    "application_id" UUID NOT NULL,
    "returned_at" TIMESTAMPTZ(3) NOT NULL,
    "deadline" DATE NOT NULL,
    "items" TEXT[],
    "resubmitted_at" TIMESTAMPTZ(3),

    CONSTRAINT "correction_returns_pkey" PRIMARY KEY ("application_id","returned_at")
);

-- CreateTable
CREATE TABLE "objections" (
    "id" UUID NOT NULL,
    "application_id" UUID NOT NULL,
    "lodged_at" TIMESTAMPTZ(3) NOT NULL,
    "outcome" TEXT,
    "decided_at" TIMESTAMPTZ(3),

    CONSTRAINT "objections_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sanctions" (
    "id" UUID NOT NULL,
    "measure" TEXT NOT NULL,
    "subject_kind" TEXT NOT NULL,
    "subject_id" TEXT NOT NULL,
    "subject_uscc" TEXT,
    "imposed_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "sanctions_pkey" PRIMARY KEY ("id")
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
    "seq" BIGINT,
    "prev_hash" TEXT,
    "hash" TEXT,

    CONSTRAINT "audit_records_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "idempotency_records" (
    "key" TEXT NOT NULL,
    "actor_id" TEXT NOT NULL,
    "command" TEXT NOT NULL,
    "response" JSONB NOT NULL,
    "request_hash" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "idempotency_records_pkey" PRIMARY KEY ("actor_id","command","key")
);

-- CreateIndex
CREATE INDEX "applications_batch_id_prefecture_id_idx" ON "applications"("batch_id", "prefecture_id");

-- CreateIndex
CREATE INDEX "applications_prefecture_id_idx" ON "applications"("prefecture_id");

-- CreateIndex
CREATE INDEX "applications_submitted_on_idx" ON "applications"("submitted_on");

-- CreateIndex
CREATE INDEX "applications_uscc_idx" ON "applications"("uscc");

-- CreateIndex
CREATE INDEX "applications_recognition_id_idx" ON "applications"("recognition_id");

-- CreateIndex
CREATE INDEX "application_stages_stage_batch_id_prefecture_id_idx" ON "application_stages"("stage", "batch_id", "prefecture_id");

-- CreateIndex
CREATE INDEX "application_stages_stage_prefecture_id_idx" ON "application_stages"("stage", "prefecture_id");

-- CreateIndex
CREATE INDEX "objections_application_id_idx" ON "objections"("application_id");

-- CreateIndex
CREATE INDEX "outbox_events_published_at_occurred_at_idx" ON "outbox_events"("published_at", "occurred_at");

-- CreateIndex
CREATE UNIQUE INDEX "audit_records_seq_key" ON "audit_records"("seq");


-- Platform: the audit log is append-only and a hash chain (ADR 0027). Not even the service can
-- rewrite history; the one UPDATE allowed seals a record written before the chain existed.
CREATE FUNCTION "audit_records_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW."seq" IS NULL OR NEW."prev_hash" IS NULL OR NEW."hash" IS NULL THEN
      RAISE EXCEPTION 'audit_records: a record must be chained (seq, prev_hash, hash)' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
  END IF;
  IF TG_OP = 'UPDATE' AND OLD."seq" IS NULL AND OLD."hash" IS NULL
     AND NEW."seq" IS NOT NULL AND NEW."prev_hash" IS NOT NULL AND NEW."hash" IS NOT NULL
     AND (NEW."id", NEW."occurred_at", NEW."actor_id", NEW."actor_role", NEW."jurisdiction", NEW."action",
          NEW."object_type", NEW."object_id", NEW."outcome", NEW."request_id", NEW."detail")
         IS NOT DISTINCT FROM
         (OLD."id", OLD."occurred_at", OLD."actor_id", OLD."actor_role", OLD."jurisdiction", OLD."action",
          OLD."object_type", OLD."object_id", OLD."outcome", OLD."request_id", OLD."detail") THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_records is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER "audit_records_no_update_delete" BEFORE UPDATE OR DELETE ON "audit_records"
  FOR EACH ROW EXECUTE FUNCTION "audit_records_append_only"();
CREATE TRIGGER "audit_records_no_truncate" BEFORE TRUNCATE ON "audit_records"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_records_append_only"();
CREATE TRIGGER "audit_records_sealed_insert" BEFORE INSERT ON "audit_records"
  FOR EACH ROW EXECUTE FUNCTION "audit_records_append_only"();

