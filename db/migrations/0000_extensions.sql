-- btree_gist lets one exclusion constraint combine equality (room) with range overlap (time):
-- the database, not the application, guarantees that no room is double-booked.
CREATE EXTENSION IF NOT EXISTS btree_gist;
