-- DropIndex
DROP INDEX "review_cases_prefecture_id_catalogue_entry_code_idx";

-- CreateIndex
CREATE INDEX "review_cases_prefecture_id_catalogue_entry_code_state_idx" ON "review_cases"("prefecture_id", "catalogue_entry_code", "state");

-- CreateIndex
CREATE INDEX "review_cases_prefecture_id_state_received_at_idx" ON "review_cases"("prefecture_id", "state", "received_at");

-- CreateIndex
CREATE INDEX "review_cases_prefecture_id_batch_id_received_at_state_idx" ON "review_cases"("prefecture_id", "batch_id", "received_at", "state");

-- CreateIndex
CREATE INDEX "review_cases_prefecture_id_product_kind_state_idx" ON "review_cases"("prefecture_id", "product_kind", "state");

-- CreateIndex
CREATE INDEX "review_cases_received_at_id_idx" ON "review_cases"("received_at", "id");

