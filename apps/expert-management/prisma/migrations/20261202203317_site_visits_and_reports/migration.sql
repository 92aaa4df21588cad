-- CreateTable
CREATE TABLE "site_visits" (
    "id" UUID NOT NULL,
    "application_id" UUID NOT NULL,
    "commission_id" UUID NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'scheduled',
    "visit_on" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "notice" TEXT NOT NULL,
    "member_expert_ids" UUID[],
    "scheduled_by" TEXT NOT NULL,
    "scheduled_at" TIMESTAMPTZ(3) NOT NULL,
    "conclusion" TEXT,
    "conclusion_note" TEXT,
    "concluded_by" TEXT,
    "concluded_at" TIMESTAMPTZ(3),
    "cancel_reason" TEXT,
    "cancelled_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "site_visits_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "site_findings" (
    "id" UUID NOT NULL,
    "visit_id" UUID NOT NULL,
    "item_no" INTEGER NOT NULL,
    "item" TEXT NOT NULL,
    "result" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "evidence" JSONB NOT NULL DEFAULT '[]',
    "recorded_by" TEXT NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL,
    "answer" TEXT,
    "answer_evidence" JSONB NOT NULL DEFAULT '[]',
    "answered_by" TEXT,
    "answered_at" TIMESTAMPTZ(3),

    CONSTRAINT "site_findings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "review_reports" (
    "id" UUID NOT NULL,
    "application_id" UUID NOT NULL,
    "commission_id" UUID NOT NULL,
    "batch_id" UUID NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "recommendation" TEXT,
    "reasons" TEXT,
    "content" JSONB,
    "signed_by" TEXT,
    "signed_by_name" TEXT,
    "signed_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "review_reports_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "batch_reports" (
    "id" UUID NOT NULL,
    "batch_id" UUID NOT NULL,
    "commission_id" UUID NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "remarks" TEXT,
    "content" JSONB,
    "signed_by" TEXT,
    "signed_by_name" TEXT,
    "signed_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "batch_reports_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "site_visits_application_id_idx" ON "site_visits"("application_id");

-- CreateIndex
CREATE INDEX "site_visits_commission_id_idx" ON "site_visits"("commission_id");

-- CreateIndex
CREATE UNIQUE INDEX "site_findings_visit_id_item_no_key" ON "site_findings"("visit_id", "item_no");

-- CreateIndex
CREATE INDEX "review_reports_batch_id_commission_id_idx" ON "review_reports"("batch_id", "commission_id");

-- CreateIndex
CREATE UNIQUE INDEX "review_reports_application_id_commission_id_key" ON "review_reports"("application_id", "commission_id");

-- CreateIndex
CREATE UNIQUE INDEX "batch_reports_batch_id_commission_id_key" ON "batch_reports"("batch_id", "commission_id");

-- AddForeignKey
ALTER TABLE "site_findings" ADD CONSTRAINT "site_findings_visit_id_fkey" FOREIGN KEY ("visit_id") REFERENCES "site_visits"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

