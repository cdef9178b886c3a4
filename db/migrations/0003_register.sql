CREATE TYPE "public"."area_basis" AS ENUM('building', 'usable', 'land');--> statement-breakpoint
CREATE TYPE "public"."facility_kind" AS ENUM('comprehensive_centre', 'service_station', 'other');--> statement-breakpoint
CREATE TYPE "public"."measurement_method" AS ENUM('on_site', 'floor_plan', 'survey_report', 'title_certificate');--> statement-breakpoint
CREATE TYPE "public"."space_setting" AS ENUM('indoor', 'outdoor');--> statement-breakpoint
CREATE TYPE "public"."use_class" AS ENUM('office', 'resident_activity', 'shared_auxiliary', 'commercial_leased', 'lent_by_other');--> statement-breakpoint
CREATE TYPE "public"."comparator" AS ENUM('gte');--> statement-breakpoint
CREATE TYPE "public"."rule_metric" AS ENUM('indoor_area_per_100_households', 'outdoor_area_per_100_households', 'indoor_area', 'outdoor_area', 'resident_activity_share', 'centre_coverage', 'not_in_register');--> statement-breakpoint
CREATE TYPE "public"."rule_scope" AS ENUM('community', 'aggregate');--> statement-breakpoint
CREATE TYPE "public"."verification" AS ENUM('verified', 'press_only', 'unverified');--> statement-breakpoint
CREATE TABLE "area_measurements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" uuid NOT NULL,
	"space_id" uuid NOT NULL,
	"area_m2" numeric(10, 2) NOT NULL,
	"basis" "area_basis" NOT NULL,
	"measured_on" date NOT NULL,
	"method" "measurement_method" NOT NULL,
	"measured_by" text NOT NULL,
	"organisation" text,
	"note" text,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "area_measurements_positive" CHECK ("area_measurements"."area_m2" > 0)
);
--> statement-breakpoint
CREATE TABLE "facilities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" "facility_kind" NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"opening_hours" jsonb NOT NULL,
	"opened_on" date,
	"closed_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "facilities_id_community_key" UNIQUE("id","community_id"),
	CONSTRAINT "facilities_name_not_blank" CHECK (length(btrim("facilities"."name")) > 0),
	CONSTRAINT "facilities_closed_after_opened" CHECK ("facilities"."closed_on" is null or "facilities"."opened_on" is null or "facilities"."closed_on" > "facilities"."opened_on")
);
--> statement-breakpoint
CREATE TABLE "facility_shares" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"facility_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"percent" numeric(5, 2) NOT NULL,
	"basis_note" text DEFAULT '' NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "facility_shares_percent_range" CHECK ("facility_shares"."percent" > 0 and "facility_shares"."percent" <= 100),
	CONSTRAINT "facility_shares_dates" CHECK ("facility_shares"."valid_to" is null or "facility_shares"."valid_to" >= "facility_shares"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "spaces" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" uuid NOT NULL,
	"facility_id" uuid NOT NULL,
	"name" text NOT NULL,
	"setting" "space_setting" NOT NULL,
	"use_class" "use_class" NOT NULL,
	"floor" integer,
	"above_ground" boolean DEFAULT true NOT NULL,
	"bookable" boolean DEFAULT false NOT NULL,
	"capacity" integer,
	"accessibility_notes" text,
	"retired_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "spaces_id_community_key" UNIQUE("id","community_id"),
	CONSTRAINT "spaces_name_not_blank" CHECK (length(btrim("spaces"."name")) > 0),
	CONSTRAINT "spaces_capacity_positive" CHECK ("spaces"."capacity" is null or "spaces"."capacity" > 0),
	CONSTRAINT "spaces_bookable_has_capacity" CHECK (not "spaces"."bookable" or "spaces"."capacity" is not null)
);
--> statement-breakpoint
CREATE TABLE "rule_sets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"version" integer NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"source" text NOT NULL,
	"verification" "verification" NOT NULL,
	"notes_zh" text DEFAULT '' NOT NULL,
	"notes_en" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rule_sets_code_version_key" UNIQUE("code","version"),
	CONSTRAINT "rule_sets_code_format" CHECK ("rule_sets"."code" ~ '^[A-Z0-9]{2,20}$')
);
--> statement-breakpoint
CREATE TABLE "rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"rule_set_id" uuid NOT NULL,
	"code" text NOT NULL,
	"position" integer NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"metric" "rule_metric" NOT NULL,
	"comparator" "comparator" DEFAULT 'gte' NOT NULL,
	"threshold" numeric(12, 2) NOT NULL,
	"unit" text NOT NULL,
	"scope" "rule_scope" NOT NULL,
	"area_basis" "area_basis",
	"household_basis" "household_basis",
	"use_classes" "use_class"[] DEFAULT '{}'::use_class[] NOT NULL,
	"community_kind" "community_kind",
	"source" text NOT NULL,
	"verification" "verification" NOT NULL,
	CONSTRAINT "rules_set_code_key" UNIQUE("rule_set_id","code"),
	CONSTRAINT "rules_threshold_non_negative" CHECK ("rules"."threshold" >= 0),
	CONSTRAINT "rules_area_metric_has_basis" CHECK ("rules"."metric" not in ('indoor_area_per_100_households','outdoor_area_per_100_households','indoor_area','outdoor_area','resident_activity_share') or "rules"."area_basis" is not null)
);
--> statement-breakpoint
ALTER TABLE "area_measurements" ADD CONSTRAINT "area_measurements_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "area_measurements" ADD CONSTRAINT "area_measurements_space_id_community_id_spaces_id_community_id_fk" FOREIGN KEY ("space_id","community_id") REFERENCES "public"."spaces"("id","community_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "facilities" ADD CONSTRAINT "facilities_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "facility_shares" ADD CONSTRAINT "facility_shares_facility_id_facilities_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."facilities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "facility_shares" ADD CONSTRAINT "facility_shares_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "facility_shares" ADD CONSTRAINT "facility_shares_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spaces" ADD CONSTRAINT "spaces_facility_id_community_id_facilities_id_community_id_fk" FOREIGN KEY ("facility_id","community_id") REFERENCES "public"."facilities"("id","community_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rule_sets" ADD CONSTRAINT "rule_sets_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rules" ADD CONSTRAINT "rules_rule_set_id_rule_sets_id_fk" FOREIGN KEY ("rule_set_id") REFERENCES "public"."rule_sets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "area_measurements_lookup_idx" ON "area_measurements" USING btree ("space_id","basis","measured_on");--> statement-breakpoint
CREATE INDEX "area_measurements_community_idx" ON "area_measurements" USING btree ("community_id");--> statement-breakpoint
CREATE INDEX "facilities_community_idx" ON "facilities" USING btree ("community_id");--> statement-breakpoint
CREATE INDEX "facility_shares_facility_idx" ON "facility_shares" USING btree ("facility_id");--> statement-breakpoint
CREATE INDEX "facility_shares_community_idx" ON "facility_shares" USING btree ("community_id");--> statement-breakpoint
CREATE INDEX "spaces_facility_idx" ON "spaces" USING btree ("facility_id");--> statement-breakpoint
CREATE INDEX "spaces_community_idx" ON "spaces" USING btree ("community_id");