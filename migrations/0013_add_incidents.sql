CREATE TABLE "incident_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"incident_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_user_id" uuid,
	"actor_org_id" uuid,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"sealed_text" "bytea"
);
--> statement-breakpoint
CREATE TABLE "incidents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ref" text NOT NULL,
	"org_id" uuid NOT NULL,
	"province_code" text NOT NULL,
	"practice" boolean DEFAULT false NOT NULL,
	"drill_id" uuid,
	"title" text NOT NULL,
	"type" text NOT NULL,
	"sector" text NOT NULL,
	"data_levels" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"data_asset_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"harm" text,
	"pi_records" bigint,
	"sensitive_pi_records" bigint,
	"direct_loss_yuan" bigint,
	"outage_hours" integer,
	"production_impact" text,
	"systems_affected" text,
	"sealed_description" "bytea" NOT NULL,
	"tier" text,
	"classification" jsonb NOT NULL,
	"status" text NOT NULL,
	"discovered_at" timestamp with time zone NOT NULL,
	"reported_at" timestamp with time zone NOT NULL,
	"reported_by" uuid,
	"ministry_clock_started_at" timestamp with time zone,
	"phone_reported_at" timestamp with time zone,
	"phone_reported_by" uuid,
	"written_reported_at" timestamp with time zone,
	"written_reported_by" uuid,
	"phone_escalated_at" timestamp with time zone,
	"written_escalated_at" timestamp with time zone,
	"users_notified_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "incidents_status" CHECK ("incidents"."status" in ('open','contained','closed')),
	CONSTRAINT "incidents_tier" CHECK ("incidents"."tier" is null or "incidents"."tier" in ('I','II','III','IV')),
	CONSTRAINT "incidents_sector" CHECK ("incidents"."sector" in ('industry','telecom','radio')),
	CONSTRAINT "incidents_discovered" CHECK ("incidents"."discovered_at" <= "incidents"."reported_at")
);
--> statement-breakpoint
ALTER TABLE "incident_events" ADD CONSTRAINT "incident_events_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "incident_events_incident_idx" ON "incident_events" USING btree ("incident_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "incidents_ref_uq" ON "incidents" USING btree ("ref");--> statement-breakpoint
CREATE INDEX "incidents_org_idx" ON "incidents" USING btree ("org_id","reported_at");--> statement-breakpoint
CREATE INDEX "incidents_inbox_idx" ON "incidents" USING btree ("province_code","status","tier") WHERE not "incidents"."practice";--> statement-breakpoint
CREATE INDEX "incidents_clock_idx" ON "incidents" USING btree ("ministry_clock_started_at") WHERE "incidents"."status" <> 'closed' and ("incidents"."phone_reported_at" is null or "incidents"."written_reported_at" is null);--> statement-breakpoint
CREATE SEQUENCE IF NOT EXISTS "incident_ref_seq";