-- AlterTable
ALTER TABLE "enterprises" ADD COLUMN     "profile" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "profile_revision" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "credit_checks" (
    "id" UUID NOT NULL,
    "uscc" TEXT NOT NULL,
    "application_id" UUID,
    "source" TEXT NOT NULL,
    "serious_dishonesty" BOOLEAN,
    "abnormal_operations" BOOLEAN,
    "detail" JSONB NOT NULL DEFAULT '{}',
    "checked_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "credit_checks_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "credit_checks_uscc_checked_at_idx" ON "credit_checks"("uscc", "checked_at");

