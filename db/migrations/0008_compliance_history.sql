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
	CONSTRAINT "compliance_history_pkey" PRIMARY KEY("community_id","valid_from")
);
--> statement-breakpoint
CREATE TABLE "compliance_history_refreshes" (
	"community_id" uuid PRIMARY KEY NOT NULL,
	"refreshed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "compliance_history" ADD CONSTRAINT "compliance_history_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compliance_history_refreshes" ADD CONSTRAINT "compliance_history_refreshes_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;