-- The experiments list and the settings library read experiments newest first and stop at their
-- limit. With a filter that few experiments pass (a rare tag, one author, failed ones of a machine
-- kind) they walk every experiment, and status, outcome and author sit behind the long `content`
-- in each row, so every test read the row and its overflow pages: with 20,000 experiments about
-- 90 ms. This index holds what those filters test, so the walk stays inside it and only the rows
-- shown are read. It starts with updated_at, so it also does all 0060's experiments_updated did.
CREATE INDEX experiments_newest ON experiments (updated_at, id, status, outcome, author_id);
DROP INDEX experiments_updated;
