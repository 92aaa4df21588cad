-- CreateIndex
CREATE INDEX "applications_state_idx" ON "applications"("state");

