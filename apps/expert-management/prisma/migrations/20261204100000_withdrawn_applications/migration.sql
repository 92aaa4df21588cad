-- CreateTable
CREATE TABLE "withdrawn_applications" (
    "application_id" UUID NOT NULL,
    "withdrawn_at" TIMESTAMPTZ(3) NOT NULL,
    "reason" TEXT,

    CONSTRAINT "withdrawn_applications_pkey" PRIMARY KEY ("application_id")
);
