-- Seeded years recorded the data package before the notice ("chinese-days@1.5.7; 国务院办公厅关于…的通知"):
-- keep the notice only, as new seeds do. Years the Department entered are left as they are.
UPDATE "calendar_years" SET "source" = substring("source" from position('; ' in "source") + 2) WHERE "source" LIKE 'chinese-days@%; %';
