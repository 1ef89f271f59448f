-- Recurring bookings (a class every Tuesday, a monthly maintenance window): the rule as it was
-- agreed, and a link from each occurrence to its series.
CREATE TABLE booking_series (
  id          INTEGER PRIMARY KEY,
  -- The recurrence as JSON: freq, interval, weekdays, until or count, skipped dates, local times.
  rule        TEXT NOT NULL,
  created_by  INTEGER NOT NULL REFERENCES people (id),
  created_at  TEXT NOT NULL
) STRICT;

ALTER TABLE bookings ADD COLUMN series_id INTEGER REFERENCES booking_series (id);
CREATE INDEX bookings_series ON bookings (series_id) WHERE series_id IS NOT NULL;
