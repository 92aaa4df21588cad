-- CreateTable
CREATE TABLE "reviewer_access" (
    "id" UUID NOT NULL,
    "application_id" UUID NOT NULL,
    "grantee_kind" TEXT NOT NULL,
    "grantee_id" UUID NOT NULL,
    "granted_at" TIMESTAMPTZ(3) NOT NULL,
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "reviewer_access_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "reviewer_access_grantee_kind_grantee_id_idx" ON "reviewer_access"("grantee_kind", "grantee_id");

-- CreateIndex
CREATE UNIQUE INDEX "reviewer_access_application_id_grantee_kind_grantee_id_key" ON "reviewer_access"("application_id", "grantee_kind", "grantee_id");

