-- Application numbers without a long-held lock (issue 4, deadline rush): one global sequence
-- instead of batches.last_application_seq incremented under the batch row lock until commit.
-- Numbers stay unique but are no longer gap-free nor consecutive per batch: a rolled-back create
-- uses up its serial. Not modelled by Prisma (raw sequence); intake calls nextval() directly.
CREATE SEQUENCE "application_no_seq" AS BIGINT START WITH 1;

-- Start above every serial already issued per batch, so no existing number can be issued again.
SELECT setval('application_no_seq', COALESCE((SELECT max("last_application_seq") FROM "batches"), 0) + 1, false);
