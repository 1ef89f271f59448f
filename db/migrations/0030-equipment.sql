-- Machines, who may use them (permits) and their bookings. Maintenance windows and trainings are
-- bookings too (kind), so one overlap check covers everything that occupies a machine.
CREATE TABLE equipment (
  id              INTEGER PRIMARY KEY,
  name            TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  kind            TEXT NOT NULL,
  location        TEXT,
  description     TEXT,
  status          TEXT NOT NULL DEFAULT 'available' CHECK (status IN ('available', 'maintenance', 'out_of_order', 'retired')),
  -- Booking rules as JSON, validated against the contract's schema on every write and read.
  rules           TEXT NOT NULL,
  -- The longest time any booking of this machine ever blocked it (minutes, buffer included). It bounds
  -- the overlap search from below, so its cost does not grow with years of history.
  longest_block_minutes INTEGER NOT NULL DEFAULT 0,
  version         INTEGER NOT NULL DEFAULT 1,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  created_by      INTEGER REFERENCES people (id),
  updated_by      INTEGER REFERENCES people (id)
) STRICT;
CREATE UNIQUE INDEX equipment_name_unique ON equipment (name COLLATE NOCASE);

CREATE TABLE permits (
  id              INTEGER PRIMARY KEY,
  person_id       INTEGER NOT NULL REFERENCES people (id),
  -- Either one machine or every machine of a kind.
  equipment_id    INTEGER REFERENCES equipment (id),
  equipment_kind  TEXT,
  level           TEXT NOT NULL CHECK (level IN ('supervised', 'independent', 'instructor')),
  granted_by      INTEGER REFERENCES people (id),
  granted_at      TEXT NOT NULL,
  -- Last local date on which the permit is valid; NULL: no expiry.
  valid_until     TEXT,
  note            TEXT,
  revoked_at      TEXT,
  revoked_by      INTEGER REFERENCES people (id),
  revoke_reason   TEXT,
  CHECK ((equipment_id IS NULL) <> (equipment_kind IS NULL))
) STRICT;
CREATE INDEX permits_person ON permits (person_id);

CREATE TABLE bookings (
  id              INTEGER PRIMARY KEY,
  equipment_id    INTEGER NOT NULL REFERENCES equipment (id),
  kind            TEXT NOT NULL CHECK (kind IN ('use', 'training', 'maintenance')),
  -- Who the booking is for; NULL for maintenance.
  person_id       INTEGER REFERENCES people (id),
  booked_by       INTEGER NOT NULL REFERENCES people (id),
  supervisor_id   INTEGER REFERENCES people (id),
  -- Instants in epoch milliseconds (UTC). block_until = ends_at + the machine's buffer.
  starts_at       INTEGER NOT NULL,
  ends_at         INTEGER NOT NULL,
  block_until     INTEGER NOT NULL,
  status          TEXT NOT NULL CHECK (status IN ('requested', 'confirmed', 'checked_in', 'completed', 'cancelled', 'no_show')),
  purpose         TEXT,
  cost_cents      INTEGER NOT NULL DEFAULT 0,
  cancel_reason   TEXT,
  cancelled_by    INTEGER REFERENCES people (id),
  cancelled_at    TEXT,
  checked_in_at   INTEGER,
  checked_out_at  INTEGER,
  actual_minutes  INTEGER,
  -- iCalendar SEQUENCE: raised on every change a calendar program should notice.
  sequence        INTEGER NOT NULL DEFAULT 0,
  version         INTEGER NOT NULL DEFAULT 1,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  CHECK (ends_at > starts_at AND block_until >= ends_at)
) STRICT;
-- Only bookings that occupy the machine are in this index; the overlap query repeats the same
-- status list so SQLite can use it.
CREATE INDEX bookings_occupying ON bookings (equipment_id, starts_at)
  WHERE status IN ('requested', 'confirmed', 'checked_in', 'completed');
CREATE INDEX bookings_person_start ON bookings (person_id, starts_at);
CREATE INDEX bookings_start ON bookings (starts_at);

CREATE TABLE booking_participants (
  booking_id      INTEGER NOT NULL REFERENCES bookings (id),
  person_id       INTEGER NOT NULL REFERENCES people (id),
  PRIMARY KEY (booking_id, person_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX booking_participants_person ON booking_participants (person_id);
