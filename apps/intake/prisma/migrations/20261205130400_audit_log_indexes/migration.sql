-- CreateIndex
CREATE INDEX "audit_records_occurred_at_id_idx" ON "audit_records"("occurred_at", "id");

-- CreateIndex
CREATE INDEX "audit_records_object_id_idx" ON "audit_records"("object_id");

-- CreateIndex
CREATE INDEX "audit_records_detail_idx" ON "audit_records" USING GIN ("detail");


-- CreateIndex
CREATE INDEX "audit_records_action_occurred_at_id_idx" ON "audit_records"("action", "occurred_at", "id");

-- CreateIndex
CREATE INDEX "audit_records_jurisdiction_occurred_at_id_idx" ON "audit_records"("jurisdiction", "occurred_at", "id");
