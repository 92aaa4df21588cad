-- M6.4 compares a product with the recognitions of its own applicant and with another applicant's
-- of the same series and model (docs/domain.md). Equal designations (after the domain's
-- normalization: full-width to half-width, case, separators) have equal digit sequences, so a
-- submission reads its applicant's recognitions plus those whose model has the same digits, by
-- these indexes, instead of every recognition there is. The exact rule stays in the domain.
CREATE INDEX "applications_model_digits_idx" ON "applications" ((regexp_replace(translate("model", '０１２３４５６７８９', '0123456789'), '[^0-9]', '', 'g')));
CREATE INDEX "earlier_recognitions_model_digits_idx" ON "earlier_recognitions" ((regexp_replace(translate("model", '０１２３４５６７８９', '0123456789'), '[^0-9]', '', 'g')));
