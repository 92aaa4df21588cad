-- CreateTable
CREATE TABLE "compliance_cases" (
    "id" UUID NOT NULL,
    "case_no" TEXT NOT NULL,
    "subject_kind" TEXT NOT NULL,
    "subject_id" TEXT NOT NULL,
    "subject_name" TEXT NOT NULL,
    "subject_uscc" TEXT,
    "intended_measure" TEXT NOT NULL,
    "grounds" TEXT[],
    "facts" TEXT NOT NULL,
    "source" TEXT,
    "status" TEXT NOT NULL,
    "statement_deadline" TEXT,
    "notified_on" TEXT,
    "hearing_notice" TEXT,
    "statement" TEXT,
    "statement_waived" BOOLEAN NOT NULL DEFAULT false,
    "statement_at" TIMESTAMPTZ(3),
    "statement_by" TEXT,
    "statement_by_role" TEXT,
    "interim_measure" TEXT,
    "interim_from" TEXT,
    "interim_ended_on" TEXT,
    "outcome" TEXT,
    "reasons" TEXT,
    "decision_date" TEXT,
    "decided_by" TEXT,
    "opened_by" TEXT NOT NULL,
    "opened_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "compliance_cases_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "compliance_case_sequences" (
    "year" INTEGER NOT NULL,
    "next" INTEGER NOT NULL,

    CONSTRAINT "compliance_case_sequences_pkey" PRIMARY KEY ("year")
);

-- CreateTable
CREATE TABLE "sanctions" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "measure" TEXT NOT NULL,
    "subject_kind" TEXT NOT NULL,
    "subject_id" TEXT NOT NULL,
    "subject_name" TEXT NOT NULL,
    "subject_uscc" TEXT,
    "grounds" TEXT[],
    "facts" TEXT NOT NULL,
    "reasons" TEXT NOT NULL,
    "decision_date" TEXT NOT NULL,
    "from_date" TEXT NOT NULL,
    "until_date" TEXT,
    "notified_on" TEXT NOT NULL,
    "decision_notice" TEXT NOT NULL,
    "policy_profile_id" TEXT NOT NULL,
    "policy_profile_version" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sanctions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sanction_events" (
    "id" UUID NOT NULL,
    "sanction_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "on" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "recorded_by" TEXT NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "sanction_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "compliance_cases_case_no_key" ON "compliance_cases"("case_no");

-- CreateIndex
CREATE INDEX "compliance_cases_subject_kind_subject_id_idx" ON "compliance_cases"("subject_kind", "subject_id");

-- CreateIndex
CREATE INDEX "compliance_cases_status_idx" ON "compliance_cases"("status");

-- CreateIndex
CREATE INDEX "sanctions_subject_kind_subject_id_idx" ON "sanctions"("subject_kind", "subject_id");

-- CreateIndex
CREATE INDEX "sanctions_measure_idx" ON "sanctions"("measure");

-- CreateIndex
CREATE INDEX "sanction_events_sanction_id_idx" ON "sanction_events"("sanction_id");

-- AddForeignKey
ALTER TABLE "sanctions" ADD CONSTRAINT "sanctions_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "compliance_cases"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sanction_events" ADD CONSTRAINT "sanction_events_sanction_id_fkey" FOREIGN KEY ("sanction_id") REFERENCES "sanctions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

