-- AlterTable
ALTER TABLE "accounts" ADD COLUMN     "enterprise_admin" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "accounts_enterprise_uscc_idx" ON "accounts"("enterprise_uscc");

