CREATE TABLE "corrective_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"source_kind" text NOT NULL,
	"source_id" uuid NOT NULL,
	"control_id" text,
	"scenarios" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"title" text NOT NULL,
	"detail" text,
	"owner_user_id" uuid,
	"due_on" date NOT NULL,
	"status" text NOT NULL,
	"resolution" text,
	"resolved_at" timestamp with time zone,
	"resolved_by" uuid,
	"verification_note" text,
	"verified_at" timestamp with time zone,
	"verified_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "corrective_actions_status" CHECK ("corrective_actions"."status" in ('open','in-progress','resolved','verified')),
	CONSTRAINT "corrective_actions_source" CHECK ("corrective_actions"."source_kind" in ('examination','incident','drill'))
);
--> statement-breakpoint
CREATE TABLE "examination_answers" (
	"examination_id" uuid NOT NULL,
	"control_id" text NOT NULL,
	"answer" text NOT NULL,
	"note" text,
	"answered_by" uuid,
	"answered_at" timestamp with time zone NOT NULL,
	CONSTRAINT "examination_answers_answer" CHECK ("examination_answers"."answer" in ('yes','partial','no','not-applicable'))
);
--> statement-breakpoint
CREATE TABLE "examinations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"library_version" text NOT NULL,
	"status" text NOT NULL,
	"previous_id" uuid,
	"score" jsonb,
	"started_at" timestamp with time zone NOT NULL,
	"started_by" uuid,
	"completed_at" timestamp with time zone,
	"completed_by" uuid,
	CONSTRAINT "examinations_status" CHECK ("examinations"."status" in ('in-progress','completed'))
);
--> statement-breakpoint
CREATE TABLE "risk_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"province_code" text NOT NULL,
	"performed_by" text NOT NULL,
	"assessor_name" text,
	"sections" jsonb NOT NULL,
	"status" text NOT NULL,
	"issued_on" date,
	"valid_until" date,
	"submitted_at" timestamp with time zone,
	"submitted_by" uuid,
	"received_at" timestamp with time zone,
	"received_by" uuid,
	"last_reminder_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "risk_assessments_status" CHECK ("risk_assessments"."status" in ('draft','submitted','received')),
	CONSTRAINT "risk_assessments_performed_by" CHECK ("risk_assessments"."performed_by" in ('self','third-party'))
);
--> statement-breakpoint
CREATE TABLE "catalog_filing_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"filing_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"revision" integer NOT NULL,
	"comment" text,
	"actor_user_id" uuid,
	"actor_org_id" uuid,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalog_filings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"province_code" text NOT NULL,
	"recipient" text NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"snapshot" jsonb NOT NULL,
	"categories" jsonb NOT NULL,
	"scale" bigint NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"submitted_by" uuid,
	"review_due_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"return_comment" text,
	"certificate_no" text,
	"certificate_issued_on" date,
	"superseded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "catalog_filings_status" CHECK ("catalog_filings"."status" in ('submitted','returned','approved','superseded')),
	CONSTRAINT "catalog_filings_kind" CHECK ("catalog_filings"."kind" in ('initial','change'))
);
--> statement-breakpoint
CREATE TABLE "data_assets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"category" text NOT NULL,
	"description" text,
	"level" text NOT NULL,
	"derived_level" text NOT NULL,
	"override_reason" text,
	"wizard_answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"questions_version" text NOT NULL,
	"records" bigint NOT NULL,
	"volume_mb" bigint NOT NULL,
	"purpose" text NOT NULL,
	"processing_method" text NOT NULL,
	"scope_of_use" text NOT NULL,
	"responsible_person" text NOT NULL,
	"external_sharing" boolean NOT NULL,
	"sharing_details" text,
	"cross_border" boolean NOT NULL,
	"carrier_system" text,
	"source" text,
	"security_measures" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"destroyed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "data_assets_level" CHECK ("data_assets"."level" in ('general','important','core')),
	CONSTRAINT "data_assets_derived_level" CHECK ("data_assets"."derived_level" in ('general','important','core')),
	CONSTRAINT "data_assets_status" CHECK ("data_assets"."status" in ('active','destroyed')),
	CONSTRAINT "data_assets_scale" CHECK ("data_assets"."records" >= 0 and "data_assets"."volume_mb" >= 0),
	CONSTRAINT "data_assets_override_reason" CHECK ("data_assets"."level" = "data_assets"."derived_level" or "data_assets"."override_reason" is not null)
);
--> statement-breakpoint
CREATE TABLE "catalog_refiling_obligations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"baseline_filing_id" uuid NOT NULL,
	"status" text NOT NULL,
	"reasons" jsonb NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"fulfilled_by_filing_id" uuid,
	CONSTRAINT "catalog_refiling_status" CHECK ("catalog_refiling_obligations"."status" in ('open','fulfilled','lapsed'))
);
--> statement-breakpoint
CREATE TABLE "evidence_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"subject_kind" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"subject_part" text,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"sealed" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "talents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"province_code" text NOT NULL,
	"name" text NOT NULL,
	"certificate" text NOT NULL,
	"certificate_no" text NOT NULL,
	"issuer" text NOT NULL,
	"issued_on" date NOT NULL,
	"valid_until" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"province_code" text NOT NULL,
	"held_on" date NOT NULL,
	"topic" text NOT NULL,
	"trainer" text NOT NULL,
	"hours" integer,
	"attendees" jsonb NOT NULL,
	"person_times" integer NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_sessions_person_times" CHECK ("training_sessions"."person_times" > 0)
);
--> statement-breakpoint
ALTER TABLE "corrective_actions" ADD CONSTRAINT "corrective_actions_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrective_actions" ADD CONSTRAINT "corrective_actions_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "examination_answers" ADD CONSTRAINT "examination_answers_examination_id_examinations_id_fk" FOREIGN KEY ("examination_id") REFERENCES "public"."examinations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "examinations" ADD CONSTRAINT "examinations_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_assessments" ADD CONSTRAINT "risk_assessments_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_filing_events" ADD CONSTRAINT "catalog_filing_events_filing_id_catalog_filings_id_fk" FOREIGN KEY ("filing_id") REFERENCES "public"."catalog_filings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_filings" ADD CONSTRAINT "catalog_filings_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_assets" ADD CONSTRAINT "data_assets_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_refiling_obligations" ADD CONSTRAINT "catalog_refiling_obligations_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_refiling_obligations" ADD CONSTRAINT "catalog_refiling_obligations_baseline_filing_id_catalog_filings_id_fk" FOREIGN KEY ("baseline_filing_id") REFERENCES "public"."catalog_filings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talents" ADD CONSTRAINT "talents_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "corrective_actions_org_idx" ON "corrective_actions" USING btree ("org_id","status","due_on");--> statement-breakpoint
CREATE INDEX "corrective_actions_source_idx" ON "corrective_actions" USING btree ("source_kind","source_id");--> statement-breakpoint
CREATE UNIQUE INDEX "examination_answers_pk" ON "examination_answers" USING btree ("examination_id","control_id");--> statement-breakpoint
CREATE INDEX "examinations_org_idx" ON "examinations" USING btree ("org_id","started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "examinations_open_uq" ON "examinations" USING btree ("org_id") WHERE "examinations"."status" = 'in-progress';--> statement-breakpoint
CREATE INDEX "risk_assessments_org_idx" ON "risk_assessments" USING btree ("org_id","valid_until");--> statement-breakpoint
CREATE INDEX "risk_assessments_queue_idx" ON "risk_assessments" USING btree ("province_code","status");--> statement-breakpoint
CREATE INDEX "catalog_filing_events_filing_idx" ON "catalog_filing_events" USING btree ("filing_id","at");--> statement-breakpoint
CREATE INDEX "catalog_filings_org_idx" ON "catalog_filings" USING btree ("org_id","submitted_at");--> statement-breakpoint
CREATE INDEX "catalog_filings_queue_idx" ON "catalog_filings" USING btree ("province_code","status","review_due_at");--> statement-breakpoint
CREATE UNIQUE INDEX "catalog_filings_certificate_uq" ON "catalog_filings" USING btree ("certificate_no");--> statement-breakpoint
CREATE UNIQUE INDEX "catalog_filings_open_uq" ON "catalog_filings" USING btree ("org_id") WHERE "catalog_filings"."status" in ('submitted','returned');--> statement-breakpoint
CREATE INDEX "data_assets_org_idx" ON "data_assets" USING btree ("org_id","status","level");--> statement-breakpoint
CREATE UNIQUE INDEX "catalog_refiling_open_uq" ON "catalog_refiling_obligations" USING btree ("org_id") WHERE "catalog_refiling_obligations"."status" = 'open';--> statement-breakpoint
CREATE INDEX "catalog_refiling_due_idx" ON "catalog_refiling_obligations" USING btree ("status","due_at");--> statement-breakpoint
CREATE INDEX "evidence_files_subject_idx" ON "evidence_files" USING btree ("subject_kind","subject_id","subject_part");--> statement-breakpoint
CREATE INDEX "talents_org_idx" ON "talents" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "talents_province_idx" ON "talents" USING btree ("province_code","issued_on");--> statement-breakpoint
CREATE INDEX "training_sessions_org_idx" ON "training_sessions" USING btree ("org_id","held_on");--> statement-breakpoint
CREATE INDEX "training_sessions_province_idx" ON "training_sessions" USING btree ("province_code","held_on");