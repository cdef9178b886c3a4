CREATE TABLE "compliance_current" (
	"community_id" uuid NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"registered_households" integer,
	"registered_as_of" date,
	"resident_households" integer,
	"resident_as_of" date,
	"has_centre" boolean NOT NULL,
	"other_basis_indoor_building" boolean NOT NULL,
	"other_basis_indoor_usable" boolean NOT NULL,
	"other_basis_outdoor_land" boolean NOT NULL,
	"indoor_office_building" bigint,
	"indoor_resident_activity_building" bigint,
	"indoor_shared_auxiliary_building" bigint,
	"indoor_office_usable" bigint,
	"indoor_resident_activity_usable" bigint,
	"indoor_shared_auxiliary_usable" bigint,
	"outdoor_office_land" bigint,
	"outdoor_resident_activity_land" bigint,
	"outdoor_shared_auxiliary_land" bigint,
	"facts" text GENERATED ALWAYS AS (coalesce(registered_households::text, '') || '|' || coalesce((registered_as_of - date '2000-01-01')::text, '') || '|' || coalesce(resident_households::text, '') || '|' || coalesce((resident_as_of - date '2000-01-01')::text, '') || '|' || case when has_centre then '1' else '' end || '|' || case when other_basis_indoor_building then '1' else '' end || '|' || case when other_basis_indoor_usable then '1' else '' end || '|' || case when other_basis_outdoor_land then '1' else '' end || '|' || coalesce(indoor_office_building::text, '') || '|' || coalesce(indoor_resident_activity_building::text, '') || '|' || coalesce(indoor_shared_auxiliary_building::text, '') || '|' || coalesce(indoor_office_usable::text, '') || '|' || coalesce(indoor_resident_activity_usable::text, '') || '|' || coalesce(indoor_shared_auxiliary_usable::text, '') || '|' || coalesce(outdoor_office_land::text, '') || '|' || coalesce(outdoor_resident_activity_land::text, '') || '|' || coalesce(outdoor_shared_auxiliary_land::text, '')) STORED NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"kind" "community_kind" NOT NULL,
	"town_code" text NOT NULL,
	CONSTRAINT "compliance_current_pkey" PRIMARY KEY("community_id"),
	CONSTRAINT "compliance_current_open" CHECK ("compliance_current"."valid_to" is null)
);
--> statement-breakpoint
CREATE TABLE "compliance_history" (
	"community_id" uuid NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"registered_households" integer,
	"registered_as_of" date,
	"resident_households" integer,
	"resident_as_of" date,
	"has_centre" boolean NOT NULL,
	"other_basis_indoor_building" boolean NOT NULL,
	"other_basis_indoor_usable" boolean NOT NULL,
	"other_basis_outdoor_land" boolean NOT NULL,
	"indoor_office_building" bigint,
	"indoor_resident_activity_building" bigint,
	"indoor_shared_auxiliary_building" bigint,
	"indoor_office_usable" bigint,
	"indoor_resident_activity_usable" bigint,
	"indoor_shared_auxiliary_usable" bigint,
	"outdoor_office_land" bigint,
	"outdoor_resident_activity_land" bigint,
	"outdoor_shared_auxiliary_land" bigint,
	"facts" text GENERATED ALWAYS AS (coalesce(registered_households::text, '') || '|' || coalesce((registered_as_of - date '2000-01-01')::text, '') || '|' || coalesce(resident_households::text, '') || '|' || coalesce((resident_as_of - date '2000-01-01')::text, '') || '|' || case when has_centre then '1' else '' end || '|' || case when other_basis_indoor_building then '1' else '' end || '|' || case when other_basis_indoor_usable then '1' else '' end || '|' || case when other_basis_outdoor_land then '1' else '' end || '|' || coalesce(indoor_office_building::text, '') || '|' || coalesce(indoor_resident_activity_building::text, '') || '|' || coalesce(indoor_shared_auxiliary_building::text, '') || '|' || coalesce(indoor_office_usable::text, '') || '|' || coalesce(indoor_resident_activity_usable::text, '') || '|' || coalesce(indoor_shared_auxiliary_usable::text, '') || '|' || coalesce(outdoor_office_land::text, '') || '|' || coalesce(outdoor_resident_activity_land::text, '') || '|' || coalesce(outdoor_shared_auxiliary_land::text, '')) STORED NOT NULL,
	CONSTRAINT "compliance_history_pkey" PRIMARY KEY("community_id","valid_from"),
	CONSTRAINT "compliance_history_closed" CHECK ("compliance_history"."valid_to" is not null and "compliance_history"."valid_to" > "compliance_history"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "compliance_history_refreshes" (
	"community_id" uuid PRIMARY KEY NOT NULL,
	"refreshed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "compliance_current" ADD CONSTRAINT "compliance_current_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compliance_history" ADD CONSTRAINT "compliance_history_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compliance_history_refreshes" ADD CONSTRAINT "compliance_history_refreshes_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "compliance_current_code_idx" ON "compliance_current" USING btree ("code");--> statement-breakpoint
CREATE INDEX "compliance_current_town_idx" ON "compliance_current" USING btree ("town_code");--> statement-breakpoint
CREATE INDEX "compliance_history_valid_to_idx" ON "compliance_history" USING btree ("valid_to");