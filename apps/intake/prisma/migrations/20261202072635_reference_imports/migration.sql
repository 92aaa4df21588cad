-- CreateTable
CREATE TABLE "scope_catalogues" (
    "id" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title_zh" TEXT NOT NULL,
    "title_en" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "entries" JSONB NOT NULL,
    "imported_by" TEXT NOT NULL,
    "imported_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "scope_catalogues_pkey" PRIMARY KEY ("id","version")
);

-- CreateTable
CREATE TABLE "earlier_recognitions" (
    "id" UUID NOT NULL,
    "uscc" TEXT NOT NULL,
    "enterprise_name" TEXT NOT NULL,
    "product_name" TEXT NOT NULL,
    "product_kind" TEXT,
    "series" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "document_no" TEXT NOT NULL,
    "import_id" UUID NOT NULL,
    "source_line" INTEGER NOT NULL,
    "imported_by" TEXT NOT NULL,
    "imported_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "earlier_recognitions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "earlier_recognitions_uscc_series_model_document_no_key" ON "earlier_recognitions"("uscc", "series", "model", "document_no");

