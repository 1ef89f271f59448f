-- Reading one machine's calendar by its own index (all statuses, for the list views), and the
-- approval queue without scanning every booking.
CREATE INDEX bookings_machine_start ON bookings (equipment_id, starts_at);
CREATE INDEX bookings_requested ON bookings (starts_at) WHERE status = 'requested';
