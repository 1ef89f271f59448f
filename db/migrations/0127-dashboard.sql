-- The dashboard's "recent notes" (and the notes list, which sorts the same way) read notes newest
-- first and stop after a few. Without an index SQLite reads every note, long body included, and
-- sorts them all: 3 ms at 5,000 notes, growing with every note written. With it, only the rows shown.
CREATE INDEX notes_newest ON notes (updated_at, id);
