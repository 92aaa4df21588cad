-- AlterTable
ALTER TABLE "recognitions" ADD COLUMN     "prefecture_id" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "tracking_evaluations" (
    "id" UUID NOT NULL,
    "recognition_id" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "prefecture_id" TEXT NOT NULL,
    "uscc" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "due_on" TEXT NOT NULL,
    "request_note" TEXT NOT NULL,
    "requested_by" TEXT NOT NULL,
    "requested_at" TIMESTAMPTZ(3) NOT NULL,
    "units_sold" INTEGER,
    "sales_revenue_yuan" DECIMAL(16,2),
    "customers" TEXT[],
    "performance" TEXT,
    "problems" TEXT,
    "reported_by" TEXT,
    "reported_at" TIMESTAMPTZ(3),
    "conclusion" TEXT,
    "findings" TEXT,
    "without_report" BOOLEAN NOT NULL DEFAULT false,
    "concluded_on" TEXT,
    "concluded_by" TEXT,
    "concluded_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "tracking_evaluations_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "tracking_evaluations_prefecture_id_year_idx" ON "tracking_evaluations"("prefecture_id", "year");

-- CreateIndex
CREATE INDEX "tracking_evaluations_uscc_idx" ON "tracking_evaluations"("uscc");

-- CreateIndex
CREATE UNIQUE INDEX "tracking_evaluations_recognition_id_year_key" ON "tracking_evaluations"("recognition_id", "year");

-- CreateIndex
CREATE INDEX "recognitions_prefecture_id_idx" ON "recognitions"("prefecture_id");

-- AddForeignKey
ALTER TABLE "tracking_evaluations" ADD CONSTRAINT "tracking_evaluations_recognition_id_fkey" FOREIGN KEY ("recognition_id") REFERENCES "recognitions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

