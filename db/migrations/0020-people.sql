-- People of the centre and their role. Nobody is deleted here: a person who leaves is deactivated,
-- so the bookings, experiments and talks they were part of keep their author.
CREATE TABLE people (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  email         TEXT CHECK (email IS NULL OR length(email) <= 254),
  role          TEXT NOT NULL CHECK (role IN ('coordinator', 'teacher', 'student', 'freelancer', 'guest')),
  trade         TEXT,
  organisation  TEXT,
  active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  -- Lower-case text without diacritics, for search that finds "José" when typing "jose".
  search_text   TEXT NOT NULL,
  version       INTEGER NOT NULL DEFAULT 1,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  created_by    INTEGER REFERENCES people (id),
  updated_by    INTEGER REFERENCES people (id)
) STRICT;

CREATE UNIQUE INDEX people_email_unique ON people (email) WHERE email IS NOT NULL;
CREATE INDEX people_role_active ON people (role, active);
CREATE INDEX people_name ON people (name COLLATE NOCASE);
