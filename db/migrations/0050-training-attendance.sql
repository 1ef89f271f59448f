-- Who attended a training. Attending grants the permit the training was for; the permit made is
-- linked, so a portfolio can say where a permit came from.
CREATE TABLE training_attendance (
  booking_id   INTEGER NOT NULL REFERENCES bookings (id),
  person_id    INTEGER NOT NULL REFERENCES people (id),
  attended     INTEGER NOT NULL CHECK (attended IN (0, 1)),
  permit_id    INTEGER REFERENCES permits (id),
  recorded_by  INTEGER NOT NULL REFERENCES people (id),
  recorded_at  TEXT NOT NULL,
  PRIMARY KEY (booking_id, person_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX training_attendance_person ON training_attendance (person_id);
