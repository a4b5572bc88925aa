CREATE TABLE "advisories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"ref" text NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"content" jsonb NOT NULL,
	"published_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "freeze_windows" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"from_at" timestamp with time zone NOT NULL,
	"to_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "intake_log" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"event" text NOT NULL,
	"channel" text NOT NULL,
	"report_id" uuid,
	"report_ref" text,
	"reporter_kind" text,
	"reporter_org_id" uuid,
	"reporter_user_id" uuid,
	"ip" text,
	"user_agent" text,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "national_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"vendor_org_id" uuid NOT NULL,
	"fields" jsonb NOT NULL,
	"status" text NOT NULL,
	"late" boolean NOT NULL,
	"due_at" timestamp with time zone,
	"submitted_at" timestamp with time zone NOT NULL,
	"submitted_by" uuid,
	"ministry_note" text,
	"acknowledged_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "vulnerability_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"sealed" "bytea" NOT NULL,
	"exploit_tool" boolean DEFAULT false NOT NULL,
	"public" boolean DEFAULT false NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vulnerability_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"from_state" text,
	"to_state" text,
	"actor_user_id" uuid,
	"actor_org_id" uuid,
	"note_sealed" "bytea",
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"reporter_visible" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vulnerability_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ref" text NOT NULL,
	"state" text NOT NULL,
	"product_id" uuid,
	"product_text" jsonb,
	"vendor_org_id" uuid,
	"reporter_kind" text NOT NULL,
	"reporter_org_id" uuid,
	"reporter_user_id" uuid,
	"on_behalf_of" text,
	"claim_code_hash" text,
	"contact_email" text,
	"title" text NOT NULL,
	"affected_versions" jsonb NOT NULL,
	"cwe" text,
	"description_sealed" "bytea" NOT NULL,
	"cvss" jsonb NOT NULL,
	"gbt_indicators" jsonb,
	"gbt_grade" text,
	"external_ids" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"assessment" jsonb,
	"fix" jsonb,
	"approvals" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"duplicate_of" uuid,
	"duplicate_candidates" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"parent_report_id" uuid,
	"aware_at" timestamp with time zone,
	"verify_due_at" timestamp with time zone,
	"upstream_notify_due_at" timestamp with time zone,
	"national_report_due_at" timestamp with time zone,
	"escalate_at" timestamp with time zone,
	"verified_at" timestamp with time zone,
	"upstream_notified_at" timestamp with time zone,
	"national_reported_at" timestamp with time zone,
	"users_notified_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"escalated_at" timestamp with time zone,
	"reminders_sent" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "advisories" ADD CONSTRAINT "advisories_report_id_vulnerability_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."vulnerability_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "national_reports" ADD CONSTRAINT "national_reports_report_id_vulnerability_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."vulnerability_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "national_reports" ADD CONSTRAINT "national_reports_vendor_org_id_orgs_id_fk" FOREIGN KEY ("vendor_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vulnerability_attachments" ADD CONSTRAINT "vulnerability_attachments_report_id_vulnerability_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."vulnerability_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vulnerability_events" ADD CONSTRAINT "vulnerability_events_report_id_vulnerability_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."vulnerability_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vulnerability_reports" ADD CONSTRAINT "vulnerability_reports_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vulnerability_reports" ADD CONSTRAINT "vulnerability_reports_vendor_org_id_orgs_id_fk" FOREIGN KEY ("vendor_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vulnerability_reports" ADD CONSTRAINT "vulnerability_reports_reporter_org_id_orgs_id_fk" FOREIGN KEY ("reporter_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vulnerability_reports" ADD CONSTRAINT "vulnerability_reports_reporter_user_id_users_id_fk" FOREIGN KEY ("reporter_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "advisories_ref_uq" ON "advisories" USING btree ("ref");--> statement-breakpoint
CREATE INDEX "advisories_published_idx" ON "advisories" USING btree ("published_at");--> statement-breakpoint
CREATE INDEX "intake_log_at_idx" ON "intake_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "intake_log_report_idx" ON "intake_log" USING btree ("report_id");--> statement-breakpoint
CREATE UNIQUE INDEX "national_reports_report_uq" ON "national_reports" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "national_reports_status_idx" ON "national_reports" USING btree ("status","submitted_at");--> statement-breakpoint
CREATE INDEX "vuln_attachments_report_idx" ON "vulnerability_attachments" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "vuln_events_report_idx" ON "vulnerability_events" USING btree ("report_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "vuln_ref_uq" ON "vulnerability_reports" USING btree ("ref");--> statement-breakpoint
CREATE INDEX "vuln_vendor_idx" ON "vulnerability_reports" USING btree ("vendor_org_id","created_at");--> statement-breakpoint
CREATE INDEX "vuln_reporter_idx" ON "vulnerability_reports" USING btree ("reporter_org_id","created_at");--> statement-breakpoint
CREATE INDEX "vuln_state_due_idx" ON "vulnerability_reports" USING btree ("state","national_report_due_at");--> statement-breakpoint
CREATE INDEX "vuln_product_idx" ON "vulnerability_reports" USING btree ("product_id");--> statement-breakpoint
CREATE UNIQUE INDEX "vuln_claim_uq" ON "vulnerability_reports" USING btree ("claim_code_hash");