CREATE TYPE "public"."booking_status" AS ENUM('pending', 'confirmed', 'rejected', 'cancelled', 'attended', 'no_show');--> statement-breakpoint
CREATE TYPE "public"."occupancy_kind" AS ENUM('booking', 'activity_session', 'closure', 'maintenance');--> statement-breakpoint
CREATE TABLE "booking_rules" (
	"facility_id" uuid PRIMARY KEY NOT NULL,
	"community_id" uuid NOT NULL,
	"slot_minutes" integer DEFAULT 30 NOT NULL,
	"min_minutes" integer DEFAULT 30 NOT NULL,
	"max_minutes" integer DEFAULT 240 NOT NULL,
	"min_notice_minutes" integer DEFAULT 60 NOT NULL,
	"max_days_ahead" integer DEFAULT 14 NOT NULL,
	"requires_approval" boolean DEFAULT false NOT NULL,
	"cancel_cutoff_minutes" integer DEFAULT 120 NOT NULL,
	"max_active_bookings" integer DEFAULT 3 NOT NULL,
	"max_minutes_per_week" integer DEFAULT 480 NOT NULL,
	"no_show_limit" integer DEFAULT 3 NOT NULL,
	"no_show_window_days" integer DEFAULT 90 NOT NULL,
	"suspension_days" integer DEFAULT 30 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "booking_rules_slot" CHECK ("booking_rules"."slot_minutes" between 5 and 240),
	CONSTRAINT "booking_rules_duration" CHECK ("booking_rules"."min_minutes" >= "booking_rules"."slot_minutes" and "booking_rules"."max_minutes" >= "booking_rules"."min_minutes" and "booking_rules"."max_minutes" <= 1440),
	CONSTRAINT "booking_rules_window" CHECK ("booking_rules"."min_notice_minutes" >= 0 and "booking_rules"."max_days_ahead" between 1 and 366),
	CONSTRAINT "booking_rules_quotas" CHECK ("booking_rules"."cancel_cutoff_minutes" >= 0 and "booking_rules"."max_active_bookings" >= 1 and "booking_rules"."max_minutes_per_week" >= "booking_rules"."min_minutes"),
	CONSTRAINT "booking_rules_no_show" CHECK ("booking_rules"."no_show_limit" >= 1 and "booking_rules"."no_show_window_days" >= 1 and "booking_rules"."suspension_days" >= 0)
);
--> statement-breakpoint
CREATE TABLE "bookings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" uuid NOT NULL,
	"space_id" uuid NOT NULL,
	"resident_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"purpose" text NOT NULL,
	"attendees" integer NOT NULL,
	"status" "booking_status" NOT NULL,
	"reason" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"series_id" uuid,
	"reminder_sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bookings_ends_after_starts" CHECK ("bookings"."ends_at" > "bookings"."starts_at"),
	CONSTRAINT "bookings_attendees" CHECK ("bookings"."attendees" between 1 and 10000),
	CONSTRAINT "bookings_purpose_length" CHECK (length(btrim("bookings"."purpose")) between 1 and 200)
);
--> statement-breakpoint
CREATE TABLE "calendar_feeds" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_feeds_tokenHash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "closures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" uuid NOT NULL,
	"facility_id" uuid NOT NULL,
	"space_id" uuid,
	"kind" "occupancy_kind" DEFAULT 'closure' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"reason" text NOT NULL,
	"created_by" uuid,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "closures_ends_after_starts" CHECK ("closures"."ends_at" > "closures"."starts_at"),
	CONSTRAINT "closures_kind" CHECK ("closures"."kind" in ('closure', 'maintenance'))
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"booking_id" uuid,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "occupancies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" uuid NOT NULL,
	"space_id" uuid NOT NULL,
	"during" "tstzrange" NOT NULL,
	"kind" "occupancy_kind" NOT NULL,
	"booking_id" uuid,
	"closure_id" uuid,
	"session_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "occupancies_not_empty" CHECK (not isempty("occupancies"."during") and lower_inc("occupancies"."during") and not upper_inc("occupancies"."during")),
	CONSTRAINT "occupancies_one_owner" CHECK (num_nonnulls("occupancies"."booking_id", "occupancies"."closure_id", "occupancies"."session_id") = 1 and ("occupancies"."kind" = 'booking') = ("occupancies"."booking_id" is not null))
);
--> statement-breakpoint
ALTER TABLE "booking_rules" ADD CONSTRAINT "booking_rules_facility_id_facilities_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."facilities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_rules" ADD CONSTRAINT "booking_rules_facility_id_community_id_facilities_id_community_id_fk" FOREIGN KEY ("facility_id","community_id") REFERENCES "public"."facilities"("id","community_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_resident_id_users_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_space_id_community_id_spaces_id_community_id_fk" FOREIGN KEY ("space_id","community_id") REFERENCES "public"."spaces"("id","community_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "closures" ADD CONSTRAINT "closures_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "closures" ADD CONSTRAINT "closures_facility_id_community_id_facilities_id_community_id_fk" FOREIGN KEY ("facility_id","community_id") REFERENCES "public"."facilities"("id","community_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "occupancies" ADD CONSTRAINT "occupancies_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "occupancies" ADD CONSTRAINT "occupancies_closure_id_closures_id_fk" FOREIGN KEY ("closure_id") REFERENCES "public"."closures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "occupancies" ADD CONSTRAINT "occupancies_space_id_community_id_spaces_id_community_id_fk" FOREIGN KEY ("space_id","community_id") REFERENCES "public"."spaces"("id","community_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bookings_resident_idx" ON "bookings" USING btree ("resident_id","starts_at");--> statement-breakpoint
CREATE INDEX "bookings_space_idx" ON "bookings" USING btree ("space_id","starts_at");--> statement-breakpoint
CREATE INDEX "bookings_status_idx" ON "bookings" USING btree ("status","starts_at");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_reminder_once" ON "notifications" USING btree ("booking_id") WHERE "notifications"."kind" = 'booking_reminder';--> statement-breakpoint
CREATE UNIQUE INDEX "occupancies_booking_key" ON "occupancies" USING btree ("booking_id");