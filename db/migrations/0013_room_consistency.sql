-- The room an occupancy holds is its booking's or its session's room, and a session is held in its
-- activity's room. The application always wrote them so; now the database holds it: the exclusion
-- constraint guards occupancies.space_id, so an occupancy in another room than its booking's would
-- let the booked room be booked twice. Composite foreign keys replace the single-column ones.
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_id_space_key" UNIQUE("id","space_id");--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_id_space_key" UNIQUE("id","space_id");--> statement-breakpoint
ALTER TABLE "activity_sessions" ADD CONSTRAINT "activity_sessions_id_space_key" UNIQUE("id","space_id");--> statement-breakpoint
ALTER TABLE "occupancies" DROP CONSTRAINT "occupancies_booking_id_bookings_id_fk";--> statement-breakpoint
ALTER TABLE "occupancies" DROP CONSTRAINT "occupancies_session_id_activity_sessions_id_fk";--> statement-breakpoint
ALTER TABLE "occupancies" ADD CONSTRAINT "occupancies_booking_room_fk" FOREIGN KEY ("booking_id","space_id") REFERENCES "public"."bookings"("id","space_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "occupancies" ADD CONSTRAINT "occupancies_session_room_fk" FOREIGN KEY ("session_id","space_id") REFERENCES "public"."activity_sessions"("id","space_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_sessions" ADD CONSTRAINT "activity_sessions_activity_room_fk" FOREIGN KEY ("activity_id","space_id") REFERENCES "public"."activities"("id","space_id") ON DELETE cascade ON UPDATE no action;
