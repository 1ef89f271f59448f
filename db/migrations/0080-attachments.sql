-- Files attached to records. The bytes live in the data folder under their SHA-256 (never under a
-- name a user chose); this table knows their size and type. An image can have a thumbnail, which
-- is itself an attachment.
CREATE TABLE attachments (
  sha256          TEXT PRIMARY KEY CHECK (length(sha256) = 64),
  size            INTEGER NOT NULL,
  media_type      TEXT NOT NULL,
  thumbnail       TEXT REFERENCES attachments (sha256),
  created_by      INTEGER REFERENCES people (id),
  created_at      TEXT NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE experiment_attachments (
  experiment_id   INTEGER NOT NULL REFERENCES experiments (id),
  position        INTEGER NOT NULL,
  sha256          TEXT NOT NULL REFERENCES attachments (sha256),
  name            TEXT NOT NULL,
  caption         TEXT NOT NULL,
  PRIMARY KEY (experiment_id, position)
) STRICT, WITHOUT ROWID;
CREATE INDEX experiment_attachments_file ON experiment_attachments (sha256);
