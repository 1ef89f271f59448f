-- The learning portfolio: a person's own development goals and short reflections, comments on them
-- by coaches and managers, and who coaches whom. Everything else a portfolio shows (machine hours,
-- permits, trainings, experiments, notes, talks, symposium attendance) is read from the tables that
-- own it; the indexes at the end let those reads start from one person instead of a whole table.
CREATE TABLE portfolio_goals (
  id           INTEGER PRIMARY KEY,
  person_id    INTEGER NOT NULL REFERENCES people (id),
  title        TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  description  TEXT NOT NULL DEFAULT '' CHECK (length(description) <= 2000),
  -- A local date ('2026-06-30'), or NULL for a goal without a deadline.
  target_date  TEXT,
  status       TEXT NOT NULL CHECK (status IN ('open', 'achieved', 'dropped')),
  -- When the status last changed: the timeline places an achieved goal on that day.
  status_at    TEXT NOT NULL,
  version      INTEGER NOT NULL DEFAULT 1,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL
) STRICT;
CREATE INDEX portfolio_goals_person ON portfolio_goals (person_id);

CREATE TABLE portfolio_reflections (
  id          INTEGER PRIMARY KEY,
  person_id   INTEGER NOT NULL REFERENCES people (id),
  goal_id     INTEGER REFERENCES portfolio_goals (id),
  body        TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 1000),
  version     INTEGER NOT NULL DEFAULT 1,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
) STRICT;
CREATE INDEX portfolio_reflections_person ON portfolio_reflections (person_id);

-- A coach's or manager's comment on one goal or one reflection. person_id is the portfolio's owner,
-- so a portfolio reads all its comments with one indexed query.
CREATE TABLE portfolio_comments (
  id             INTEGER PRIMARY KEY,
  person_id      INTEGER NOT NULL REFERENCES people (id),
  goal_id        INTEGER REFERENCES portfolio_goals (id),
  reflection_id  INTEGER REFERENCES portfolio_reflections (id),
  author_id      INTEGER NOT NULL REFERENCES people (id),
  body           TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 1000),
  created_at     TEXT NOT NULL,
  CHECK ((goal_id IS NULL) <> (reflection_id IS NULL))
) STRICT;
CREATE INDEX portfolio_comments_person ON portfolio_comments (person_id);
CREATE INDEX portfolio_comments_author ON portfolio_comments (author_id);

-- The coaches a person chose: they may read the portfolio and comment on it.
CREATE TABLE portfolio_coaches (
  person_id  INTEGER NOT NULL REFERENCES people (id),
  coach_id   INTEGER NOT NULL REFERENCES people (id),
  added_at   TEXT NOT NULL,
  PRIMARY KEY (person_id, coach_id),
  CHECK (person_id <> coach_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX portfolio_coaches_coach ON portfolio_coaches (coach_id);

-- One person's records in the tables of other modules. Without these a portfolio would read all
-- 50,000 notes (author, reviewer) and every registration of every edition.
CREATE INDEX notes_author ON notes (author_id);
CREATE INDEX notes_reviewer ON notes (reviewed_by) WHERE reviewed_by IS NOT NULL;
CREATE INDEX experiments_author ON experiments (author_id);
CREATE INDEX symposium_registrations_person_any ON symposium_registrations (person_id) WHERE person_id IS NOT NULL;
-- Where a permit came from: the training whose attendance granted it.
CREATE INDEX training_attendance_permit ON training_attendance (permit_id) WHERE permit_id IS NOT NULL;
