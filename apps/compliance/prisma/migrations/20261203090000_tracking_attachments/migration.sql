-- CreateTable
CREATE TABLE "tracking_attachments" (
    "id" UUID NOT NULL,
    "evaluation_id" UUID NOT NULL,
    "file_name" TEXT NOT NULL,
    "media_type" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "object_key" TEXT NOT NULL,
    "uploaded_by" TEXT NOT NULL,
    "uploaded_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "tracking_attachments_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "tracking_attachments_object_key_idx" ON "tracking_attachments"("object_key");

-- CreateIndex
CREATE UNIQUE INDEX "tracking_attachments_evaluation_id_sha256_key" ON "tracking_attachments"("evaluation_id", "sha256");

-- AddForeignKey
ALTER TABLE "tracking_attachments" ADD CONSTRAINT "tracking_attachments_evaluation_id_fkey" FOREIGN KEY ("evaluation_id") REFERENCES "tracking_evaluations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
