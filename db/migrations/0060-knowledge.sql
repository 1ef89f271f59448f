-- Experiments and knowledge notes, their revisions and the links between them.
-- The current state lives in normal tables (so the settings library can query parameters); every
-- save also stores the whole document as a revision, so any two versions can be compared.
CREATE TABLE experiments (
  id            INTEGER PRIMARY KEY,
  title         TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  -- The full edited content as JSON (text fields, tags, links): what a revision stores too.
  content       TEXT NOT NULL,
  outcome       TEXT CHECK (outcome IS NULL OR outcome IN ('worked', 'partly', 'failed', 'inconclusive')),
  status        TEXT NOT NULL CHECK (status IN ('draft', 'running', 'completed')),
  author_id     INTEGER NOT NULL REFERENCES people (id),
  version       INTEGER NOT NULL DEFAULT 1,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
) STRICT;
CREATE INDEX experiments_updated ON experiments (updated_at);

-- Parameters as rows, with the number parsed out of the value, for the settings library.
CREATE TABLE experiment_parameters (
  experiment_id INTEGER NOT NULL REFERENCES experiments (id),
  position      INTEGER NOT NULL,
  name          TEXT NOT NULL,
  name_key      TEXT NOT NULL,
  value         TEXT NOT NULL,
  value_number  REAL,
  unit          TEXT NOT NULL,
  PRIMARY KEY (experiment_id, position)
) STRICT, WITHOUT ROWID;
CREATE INDEX experiment_parameters_name ON experiment_parameters (name_key, value_number);

CREATE TABLE experiment_materials (
  experiment_id INTEGER NOT NULL REFERENCES experiments (id),
  position      INTEGER NOT NULL,
  name          TEXT NOT NULL,
  name_key      TEXT NOT NULL,
  size          TEXT NOT NULL,
  PRIMARY KEY (experiment_id, position)
) STRICT, WITHOUT ROWID;
CREATE INDEX experiment_materials_name ON experiment_materials (name_key);

CREATE TABLE experiment_equipment (
  experiment_id INTEGER NOT NULL REFERENCES experiments (id),
  equipment_id  INTEGER NOT NULL REFERENCES equipment (id),
  PRIMARY KEY (experiment_id, equipment_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX experiment_equipment_machine ON experiment_equipment (equipment_id);

CREATE TABLE experiment_participants (
  experiment_id INTEGER NOT NULL REFERENCES experiments (id),
  person_id     INTEGER NOT NULL REFERENCES people (id),
  role          TEXT NOT NULL,
  PRIMARY KEY (experiment_id, person_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX experiment_participants_person ON experiment_participants (person_id);

CREATE TABLE experiment_bookings (
  experiment_id INTEGER NOT NULL REFERENCES experiments (id),
  booking_id    INTEGER NOT NULL REFERENCES bookings (id),
  PRIMARY KEY (experiment_id, booking_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE notes (
  id            INTEGER PRIMARY KEY,
  title         TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  title_key     TEXT NOT NULL UNIQUE,
  body          TEXT NOT NULL,
  category      TEXT NOT NULL CHECK (category IN ('technique', 'material', 'safety', 'supplier', 'maintenance', 'teaching')),
  author_id     INTEGER NOT NULL REFERENCES people (id),
  reviewed_by   INTEGER REFERENCES people (id),
  reviewed_at   TEXT,
  version       INTEGER NOT NULL DEFAULT 1,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
) STRICT;

CREATE TABLE tags (
  kind          TEXT NOT NULL CHECK (kind IN ('experiment', 'note')),
  ref_id        INTEGER NOT NULL,
  tag           TEXT NOT NULL,
  PRIMARY KEY (kind, ref_id, tag)
) STRICT, WITHOUT ROWID;
CREATE INDEX tags_tag ON tags (tag, kind);

-- Links between records, from wiki links in text and from explicit link lists; backlinks read
-- this table the other way round. A link to a note by a title that does not exist yet keeps the
-- title, and resolves when such a note is written.
CREATE TABLE links (
  from_kind     TEXT NOT NULL CHECK (from_kind IN ('experiment', 'note')),
  from_id       INTEGER NOT NULL,
  to_kind       TEXT NOT NULL CHECK (to_kind IN ('experiment', 'note', 'machine', 'note-title')),
  -- 0 and '' mean "not this kind of target" (primary-key columns cannot be NULL here).
  to_id         INTEGER NOT NULL DEFAULT 0,
  to_title_key  TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (from_kind, from_id, to_kind, to_id, to_title_key)
) STRICT, WITHOUT ROWID;
CREATE INDEX links_to ON links (to_kind, to_id);
CREATE INDEX links_to_title ON links (to_title_key) WHERE to_title_key <> '';

CREATE TABLE revisions (
  kind          TEXT NOT NULL CHECK (kind IN ('experiment', 'note')),
  ref_id        INTEGER NOT NULL,
  version       INTEGER NOT NULL,
  snapshot      TEXT NOT NULL,
  author_id     INTEGER NOT NULL REFERENCES people (id),
  created_at    TEXT NOT NULL,
  note          TEXT,
  PRIMARY KEY (kind, ref_id, version)
) STRICT, WITHOUT ROWID;
