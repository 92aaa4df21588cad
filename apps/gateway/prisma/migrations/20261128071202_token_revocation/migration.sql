-- AlterTable
ALTER TABLE "accounts" ADD COLUMN     "tokens_revoked_at" TIMESTAMPTZ(3);

-- CreateIndex
CREATE INDEX "accounts_tokens_revoked_at_idx" ON "accounts"("tokens_revoked_at");

