CREATE TABLE "platform_filings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"status" text NOT NULL,
	"fields" jsonb NOT NULL,
	"filing_number" text,
	"submitted_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"decision_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "platform_filings" ADD CONSTRAINT "platform_filings_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "platform_filings_org_uq" ON "platform_filings" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "platform_filings_status_idx" ON "platform_filings" USING btree ("status");