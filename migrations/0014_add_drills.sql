CREATE TABLE "drill_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"drill_id" uuid NOT NULL,
	"inject_key" text NOT NULL,
	"user_id" uuid NOT NULL,
	"minute" integer NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"text" text NOT NULL,
	"claim" text
);
--> statement-breakpoint
CREATE TABLE "drill_scenarios" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"based_on" text,
	"definition" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "drills" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"province_code" text NOT NULL,
	"scenario_id" text,
	"title" text NOT NULL,
	"scenario" jsonb NOT NULL,
	"mode" text NOT NULL,
	"status" text NOT NULL,
	"scheduled_for" timestamp with time zone NOT NULL,
	"started_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"offset_minutes" integer DEFAULT 0 NOT NULL,
	"completed_minute" integer,
	"facilitator_user_id" uuid NOT NULL,
	"participant_user_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"delivered" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"verdicts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"incident" jsonb,
	"score" integer,
	"lessons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"filed_at" timestamp with time zone,
	"filed_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "drills_mode" CHECK ("drills"."mode" in ('facilitator','real-time')),
	CONSTRAINT "drills_status" CHECK ("drills"."status" in ('scheduled','running','completed')),
	CONSTRAINT "drills_filed_completed" CHECK ("drills"."filed_at" is null or "drills"."status" = 'completed')
);
--> statement-breakpoint
ALTER TABLE "drill_actions" ADD CONSTRAINT "drill_actions_drill_id_drills_id_fk" FOREIGN KEY ("drill_id") REFERENCES "public"."drills"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drill_actions" ADD CONSTRAINT "drill_actions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drill_scenarios" ADD CONSTRAINT "drill_scenarios_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drills" ADD CONSTRAINT "drills_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drills" ADD CONSTRAINT "drills_facilitator_user_id_users_id_fk" FOREIGN KEY ("facilitator_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "drill_actions_drill_idx" ON "drill_actions" USING btree ("drill_id","minute");--> statement-breakpoint
CREATE INDEX "drill_scenarios_org_idx" ON "drill_scenarios" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "drills_org_idx" ON "drills" USING btree ("org_id","scheduled_for");--> statement-breakpoint
CREATE INDEX "drills_filed_idx" ON "drills" USING btree ("province_code","filed_at") WHERE "drills"."filed_at" is not null;