-- Privacy (GDPR): erasure of a person and the retention of external symposium registrants' data.
-- docs/privacy.md says what an erasure changes where, and why statistics survive it.

-- When a person was erased; NULL for everyone else. The row itself stays (with a placeholder name,
-- its role and its links), so bookings, experiments and talks keep an author and reports by role
-- keep their totals.
ALTER TABLE people ADD COLUMN erased_at TEXT;

-- When a registration's personal data was removed (by an erasure or by the retention period), so
-- the daily retention run does not visit it again and the door list can say so.
ALTER TABLE symposium_registrations ADD COLUMN anonymised_at TEXT;
-- The retention run asks for external registrations not yet anonymised, edition by edition.
CREATE INDEX symposium_registrations_retention ON symposium_registrations (edition_id)
  WHERE role = 'external' AND anonymised_at IS NULL;

-- The log of erasures and retention runs. It holds no name, e-mail or text: who did it (NULL for
-- the scheduled retention run), when, whose record (by id and role), the choices and how many rows
-- changed, as JSON counts.
CREATE TABLE privacy_log (
  id          INTEGER PRIMARY KEY,
  kind        TEXT NOT NULL CHECK (kind IN ('erasure', 'retention')),
  at          TEXT NOT NULL,
  actor_id    INTEGER REFERENCES people (id),
  person_id   INTEGER REFERENCES people (id),
  person_role TEXT,
  texts       TEXT CHECK (texts IS NULL OR texts IN ('keep', 'remove')),
  counts      TEXT NOT NULL CHECK (json_valid(counts)),
  CHECK ((kind = 'erasure') = (person_id IS NOT NULL))
) STRICT;
CREATE INDEX privacy_log_at ON privacy_log (at);
