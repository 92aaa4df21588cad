-- CreateIndex
CREATE INDEX "candidates_batch_id_score_application_no_idx" ON "candidates"("batch_id", "score" DESC, "application_no");

-- CreateIndex
CREATE INDEX "recognitions_document_date_enterprise_name_id_idx" ON "recognitions"("document_date" DESC, "enterprise_name", "id");

-- CreateIndex
CREATE INDEX "recognitions_year_document_date_idx" ON "recognitions"("year", "document_date" DESC);


-- CreateIndex
CREATE INDEX "recognitions_valid_until_id_idx" ON "recognitions"("valid_until", "id");
