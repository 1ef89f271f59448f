-- Symposia: editions with rooms, tracks and review criteria; the call for contributions and its
-- reviews; sessions placed in slots; registrations with waitlists and check-ins; an outbox of
-- messages; a budget. Speakers are people of the centre (externals become guests), so talks given
-- land in the same portfolio as everything else.
CREATE TABLE symposium_editions (
  id                      INTEGER PRIMARY KEY,
  title                   TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  theme                   TEXT NOT NULL DEFAULT '',
  venue                   TEXT NOT NULL DEFAULT '',
  starts_on               TEXT NOT NULL,
  days                    INTEGER NOT NULL CHECK (days BETWEEN 1 AND 3),
  day_starts              TEXT NOT NULL,
  day_ends                TEXT NOT NULL,
  cfp_opens_on            TEXT NOT NULL,
  cfp_closes_on           TEXT NOT NULL,
  registration_opens_on   TEXT NOT NULL,
  registration_closes_on  TEXT NOT NULL,
  capacity                INTEGER NOT NULL CHECK (capacity > 0),
  version                 INTEGER NOT NULL DEFAULT 1,
  created_by              INTEGER NOT NULL REFERENCES people (id),
  created_at              TEXT NOT NULL,
  updated_at              TEXT NOT NULL
) STRICT;

CREATE TABLE symposium_rooms (
  id          INTEGER PRIMARY KEY,
  edition_id  INTEGER NOT NULL REFERENCES symposium_editions (id),
  name        TEXT NOT NULL,
  capacity    INTEGER NOT NULL CHECK (capacity > 0),
  position    INTEGER NOT NULL
) STRICT;
CREATE INDEX symposium_rooms_edition ON symposium_rooms (edition_id, position);

CREATE TABLE symposium_tracks (
  id          INTEGER PRIMARY KEY,
  edition_id  INTEGER NOT NULL REFERENCES symposium_editions (id),
  name        TEXT NOT NULL,
  colour      TEXT NOT NULL,
  position    INTEGER NOT NULL
) STRICT;
CREATE INDEX symposium_tracks_edition ON symposium_tracks (edition_id, position);

CREATE TABLE symposium_criteria (
  id          INTEGER PRIMARY KEY,
  edition_id  INTEGER NOT NULL REFERENCES symposium_editions (id),
  name        TEXT NOT NULL,
  position    INTEGER NOT NULL
) STRICT;
CREATE INDEX symposium_criteria_edition ON symposium_criteria (edition_id, position);

CREATE TABLE symposium_submissions (
  id                   INTEGER PRIMARY KEY,
  edition_id           INTEGER NOT NULL REFERENCES symposium_editions (id),
  title                TEXT NOT NULL,
  abstract             TEXT NOT NULL,
  type                 TEXT NOT NULL CHECK (type IN ('talk', 'workshop', 'demonstration', 'panel')),
  duration_minutes     INTEGER NOT NULL CHECK (duration_minutes > 0),
  audience             TEXT NOT NULL DEFAULT '',
  track_id             INTEGER REFERENCES symposium_tracks (id),
  needs_room_capacity  INTEGER,
  equipment_id         INTEGER REFERENCES equipment (id),
  language             TEXT NOT NULL CHECK (language IN ('nl', 'en')),
  status               TEXT NOT NULL CHECK (status IN ('submitted', 'accepted', 'rejected', 'waitlisted', 'withdrawn')),
  decision_note        TEXT NOT NULL DEFAULT '',
  decided_by           INTEGER REFERENCES people (id),
  decided_at           TEXT,
  submitted_by         INTEGER NOT NULL REFERENCES people (id),
  submitted_at         TEXT NOT NULL,
  version              INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX symposium_submissions_edition ON symposium_submissions (edition_id, status);

CREATE TABLE symposium_submission_speakers (
  submission_id  INTEGER NOT NULL REFERENCES symposium_submissions (id),
  person_id      INTEGER NOT NULL REFERENCES people (id),
  position       INTEGER NOT NULL,
  PRIMARY KEY (submission_id, person_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX symposium_submission_speakers_person ON symposium_submission_speakers (person_id);

CREATE TABLE symposium_reviews (
  submission_id  INTEGER NOT NULL REFERENCES symposium_submissions (id),
  reviewer_id    INTEGER NOT NULL REFERENCES people (id),
  -- [{ "criterionId": 3, "score": 4 }, …]
  scores         TEXT NOT NULL CHECK (json_valid(scores)),
  mean           REAL NOT NULL,
  comment        TEXT NOT NULL DEFAULT '',
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  PRIMARY KEY (submission_id, reviewer_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE symposium_sessions (
  id                   INTEGER PRIMARY KEY,
  edition_id           INTEGER NOT NULL REFERENCES symposium_editions (id),
  submission_id        INTEGER UNIQUE REFERENCES symposium_submissions (id),
  title                TEXT NOT NULL,
  abstract             TEXT NOT NULL DEFAULT '',
  type                 TEXT NOT NULL CHECK (type IN ('talk', 'workshop', 'demonstration', 'panel')),
  duration_minutes     INTEGER NOT NULL CHECK (duration_minutes > 0),
  track_id             INTEGER REFERENCES symposium_tracks (id),
  capacity             INTEGER,
  expected_attendance  INTEGER,
  equipment_id         INTEGER REFERENCES equipment (id),
  version              INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX symposium_sessions_edition ON symposium_sessions (edition_id);

CREATE TABLE symposium_session_speakers (
  session_id  INTEGER NOT NULL REFERENCES symposium_sessions (id),
  person_id   INTEGER NOT NULL REFERENCES people (id),
  position    INTEGER NOT NULL,
  PRIMARY KEY (session_id, person_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX symposium_session_speakers_person ON symposium_session_speakers (person_id);

-- A place in the programme: a session in a room at a time (a session may have several), or a
-- break (no session, no room: it holds every room).
CREATE TABLE symposium_slots (
  id          INTEGER PRIMARY KEY,
  edition_id  INTEGER NOT NULL REFERENCES symposium_editions (id),
  session_id  INTEGER REFERENCES symposium_sessions (id),
  room_id     INTEGER REFERENCES symposium_rooms (id),
  title       TEXT NOT NULL DEFAULT '',
  starts_at   TEXT NOT NULL,
  ends_at     TEXT NOT NULL,
  booking_id  INTEGER REFERENCES bookings (id),
  -- Why the machine could not be booked for this slot (the booking rules' refusal, as JSON).
  booking_problem  TEXT CHECK (booking_problem IS NULL OR json_valid(booking_problem)),
  version     INTEGER NOT NULL DEFAULT 1,
  CHECK (ends_at > starts_at),
  CHECK ((session_id IS NULL) = (room_id IS NULL))
) STRICT;
CREATE INDEX symposium_slots_edition ON symposium_slots (edition_id, starts_at);
CREATE INDEX symposium_slots_session ON symposium_slots (session_id);

CREATE TABLE symposium_registrations (
  id             INTEGER PRIMARY KEY,
  edition_id     INTEGER NOT NULL REFERENCES symposium_editions (id),
  person_id      INTEGER REFERENCES people (id),
  name           TEXT NOT NULL,
  email          TEXT,
  role           TEXT NOT NULL CHECK (role IN ('student', 'teacher', 'freelancer', 'external')),
  organisation   TEXT,
  dietary        TEXT NOT NULL DEFAULT '',
  language       TEXT NOT NULL CHECK (language IN ('nl', 'en')),
  status         TEXT NOT NULL CHECK (status IN ('registered', 'waitlisted', 'cancelled')),
  -- The waitlist's order: the moment someone joined it (ties by id).
  waitlisted_at  TEXT,
  registered_at  TEXT NOT NULL,
  promoted_at    TEXT,
  cancelled_at   TEXT,
  created_by     INTEGER REFERENCES people (id),
  version        INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX symposium_registrations_edition ON symposium_registrations (edition_id, status, waitlisted_at, id);
-- One active registration per person (or e-mail address) and edition.
CREATE UNIQUE INDEX symposium_registrations_person ON symposium_registrations (edition_id, person_id)
  WHERE person_id IS NOT NULL AND status <> 'cancelled';
CREATE UNIQUE INDEX symposium_registrations_email ON symposium_registrations (edition_id, email)
  WHERE email IS NOT NULL AND status <> 'cancelled';

CREATE TABLE symposium_checkins (
  registration_id  INTEGER NOT NULL REFERENCES symposium_registrations (id),
  day              TEXT NOT NULL,
  checked_in_at    TEXT NOT NULL,
  checked_in_by    INTEGER NOT NULL REFERENCES people (id),
  PRIMARY KEY (registration_id, day)
) STRICT, WITHOUT ROWID;

-- Signing up for a workshop slot: its seats fill in order, then a waitlist like the edition's.
CREATE TABLE symposium_workshop_signups (
  slot_id          INTEGER NOT NULL REFERENCES symposium_slots (id),
  registration_id  INTEGER NOT NULL REFERENCES symposium_registrations (id),
  status           TEXT NOT NULL CHECK (status IN ('registered', 'waitlisted')),
  signed_up_at     TEXT NOT NULL,
  checked_in_at    TEXT,
  PRIMARY KEY (slot_id, registration_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX symposium_workshop_signups_registration ON symposium_workshop_signups (registration_id);

CREATE TABLE symposium_message_templates (
  edition_id  INTEGER NOT NULL REFERENCES symposium_editions (id),
  kind        TEXT NOT NULL,
  language    TEXT NOT NULL CHECK (language IN ('nl', 'en')),
  subject     TEXT NOT NULL,
  body        TEXT NOT NULL,
  PRIMARY KEY (edition_id, kind, language)
) STRICT, WITHOUT ROWID;

CREATE TABLE symposium_outbox (
  id          INTEGER PRIMARY KEY,
  edition_id  INTEGER NOT NULL REFERENCES symposium_editions (id),
  kind        TEXT NOT NULL,
  language    TEXT NOT NULL CHECK (language IN ('nl', 'en')),
  to_name     TEXT NOT NULL,
  to_email    TEXT,
  subject     TEXT NOT NULL,
  body        TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  sent_at     TEXT
) STRICT;
CREATE INDEX symposium_outbox_edition ON symposium_outbox (edition_id, id);

CREATE TABLE symposium_budget_lines (
  id             INTEGER PRIMARY KEY,
  edition_id     INTEGER NOT NULL REFERENCES symposium_editions (id),
  category       TEXT NOT NULL CHECK (category IN ('venue', 'catering', 'speaker_fees', 'materials', 'other_cost', 'income', 'subsidy')),
  description    TEXT NOT NULL,
  planned_cents  INTEGER NOT NULL CHECK (planned_cents >= 0),
  actual_cents   INTEGER CHECK (actual_cents IS NULL OR actual_cents >= 0),
  version        INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX symposium_budget_lines_edition ON symposium_budget_lines (edition_id);

-- What attendees thought of the day: one rating (1–5) and a comment per attendance. Shown to the
-- organisers without names.
CREATE TABLE symposium_feedback (
  registration_id  INTEGER PRIMARY KEY REFERENCES symposium_registrations (id),
  rating           INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
  comment          TEXT NOT NULL DEFAULT '',
  created_at       TEXT NOT NULL
) STRICT;
