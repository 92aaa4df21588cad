-- CreateTable
CREATE TABLE "suspended_reviewers" (
    "grantee_kind" TEXT NOT NULL,
    "grantee_id" UUID NOT NULL,
    "from" TEXT NOT NULL,
    "case_no" TEXT NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "suspended_reviewers_pkey" PRIMARY KEY ("grantee_kind","grantee_id")
);
