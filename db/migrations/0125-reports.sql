-- Usage reports (docs/reports.md) read a whole year of bookings, experiments and notes at once. By
-- the existing indexes each of those rows was fetched from its table (a booking row, an experiment
-- with its long content, a note with its body): at a year of the benchmark centre's bookings about
-- a second. These indexes hold everything the report reads, so it stays inside them.
CREATE INDEX bookings_report ON bookings (starts_at, equipment_id, kind, status, ends_at, person_id, checked_in_at, checked_out_at, actual_minutes);
CREATE INDEX experiments_created ON experiments (created_at, status, outcome, author_id);
CREATE INDEX notes_created ON notes (created_at);
CREATE INDEX notes_reviewed ON notes (reviewed_at) WHERE reviewed_at IS NOT NULL;
