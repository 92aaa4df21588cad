-- CreateIndex
CREATE INDEX "audit_records_occurred_at_id_idx" ON "audit_records"("occurred_at", "id");

-- CreateIndex
CREATE INDEX "audit_records_object_id_idx" ON "audit_records"("object_id");

-- CreateIndex
CREATE INDEX "audit_records_detail_idx" ON "audit_records" USING GIN ("detail");

