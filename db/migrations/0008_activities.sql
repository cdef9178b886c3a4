CREATE TYPE "public"."activity_audience" AS ENUM('everyone', 'community');--> statement-breakpoint
CREATE TYPE "public"."activity_category" AS ENUM('elderly', 'youth', 'family', 'culture', 'sports', 'volunteering', 'health', 'other');--> statement-breakpoint
CREATE TYPE "public"."activity_status" AS ENUM('draft', 'published', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."signup_status" AS ENUM('confirmed', 'waitlisted', 'cancelled', 'attended', 'absent');--> statement-breakpoint
CREATE TABLE "activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" uuid NOT NULL,
	"space_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"category" "activity_category" NOT NULL,
	"audience" "activity_audience" NOT NULL,
	"status" "activity_status" NOT NULL,
	"signup_opens_at" timestamp with time zone,
	"signup_closes_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "activities_id_community_key" UNIQUE("id","community_id"),
	CONSTRAINT "activities_title_length" CHECK (length(btrim("activities"."title")) between 1 and 120),
	CONSTRAINT "activities_description_length" CHECK (length("activities"."description") <= 4000),
	CONSTRAINT "activities_signup_window" CHECK ("activities"."signup_closes_at" is null or "activities"."signup_opens_at" is null or "activities"."signup_closes_at" > "activities"."signup_opens_at")
);
--> statement-breakpoint
CREATE TABLE "activity_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"activity_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"space_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"capacity" integer NOT NULL,
	"confirmed" integer DEFAULT 0 NOT NULL,
	"waitlisted" integer DEFAULT 0 NOT NULL,
	"cancelled_at" timestamp with time zone,
	"cancel_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "activity_sessions_ends_after_starts" CHECK ("activity_sessions"."ends_at" > "activity_sessions"."starts_at"),
	CONSTRAINT "activity_sessions_capacity" CHECK ("activity_sessions"."capacity" between 1 and 10000),
	CONSTRAINT "activity_sessions_places" CHECK ("activity_sessions"."confirmed" between 0 and "activity_sessions"."capacity" and "activity_sessions"."waitlisted" >= 0)
);
--> statement-breakpoint
CREATE TABLE "signups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"status" "signup_status" NOT NULL,
	"queue_no" bigint GENERATED ALWAYS AS IDENTITY (sequence name "signups_queue_no_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"waitlisted_at" timestamp with time zone,
	"promoted_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"checked_in_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "session_id" uuid;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_space_id_community_id_spaces_id_community_id_fk" FOREIGN KEY ("space_id","community_id") REFERENCES "public"."spaces"("id","community_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_sessions" ADD CONSTRAINT "activity_sessions_activity_id_community_id_activities_id_community_id_fk" FOREIGN KEY ("activity_id","community_id") REFERENCES "public"."activities"("id","community_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_sessions" ADD CONSTRAINT "activity_sessions_space_id_community_id_spaces_id_community_id_fk" FOREIGN KEY ("space_id","community_id") REFERENCES "public"."spaces"("id","community_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signups" ADD CONSTRAINT "signups_session_id_activity_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."activity_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signups" ADD CONSTRAINT "signups_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activities_community_idx" ON "activities" USING btree ("community_id","status");--> statement-breakpoint
CREATE INDEX "activity_sessions_activity_idx" ON "activity_sessions" USING btree ("activity_id","starts_at");--> statement-breakpoint
CREATE INDEX "activity_sessions_starts_idx" ON "activity_sessions" USING btree ("starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "signups_one_per_person" ON "signups" USING btree ("session_id","user_id") WHERE "signups"."status" <> 'cancelled';--> statement-breakpoint
CREATE INDEX "signups_session_queue_idx" ON "signups" USING btree ("session_id","status","queue_no");--> statement-breakpoint
CREATE INDEX "signups_user_idx" ON "signups" USING btree ("user_id","created_at");--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_session_id_activity_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."activity_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "occupancies" ADD CONSTRAINT "occupancies_session_id_activity_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."activity_sessions"("id") ON DELETE cascade ON UPDATE no action;