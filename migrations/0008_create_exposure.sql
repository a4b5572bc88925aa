CREATE TABLE "assets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"product_id" uuid,
	"release_version" text,
	"sbom_format" text,
	"sbom_spec_version" text,
	"sbom_sha256" text,
	"sbom_uploaded_at" timestamp with time zone,
	"component_count" integer DEFAULT 0 NOT NULL,
	"unsupported_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "components" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "components_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"asset_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"ecosystem" text,
	"name" text NOT NULL,
	"version" text,
	"purl" text
);
--> statement-breakpoint
CREATE TABLE "exposures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"asset_id" uuid NOT NULL,
	"advisory_id" text NOT NULL,
	"ecosystem" text NOT NULL,
	"name" text NOT NULL,
	"version" text NOT NULL,
	"severity" text,
	"severity_rank" integer DEFAULT 0 NOT NULL,
	"state" text NOT NULL,
	"justification" text,
	"detail" text,
	"triaged_by" uuid,
	"triaged_at" timestamp with time zone,
	"first_seen_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "match_advisories" (
	"id" text PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"modified" timestamp with time zone NOT NULL,
	"summary" text,
	"aliases" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"severity" text,
	"record" jsonb NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "assets" ADD CONSTRAINT "assets_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assets" ADD CONSTRAINT "assets_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "components" ADD CONSTRAINT "components_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exposures" ADD CONSTRAINT "exposures_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assets_org_idx" ON "assets" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "components_pkg_idx" ON "components" USING btree ("ecosystem","name");--> statement-breakpoint
CREATE INDEX "components_asset_idx" ON "components" USING btree ("asset_id");--> statement-breakpoint
CREATE UNIQUE INDEX "exposures_key_uq" ON "exposures" USING btree ("asset_id","advisory_id","ecosystem","name");--> statement-breakpoint
CREATE INDEX "exposures_org_sev_idx" ON "exposures" USING btree ("org_id","severity_rank","id");--> statement-breakpoint
CREATE INDEX "exposures_advisory_idx" ON "exposures" USING btree ("advisory_id");--> statement-breakpoint
CREATE INDEX "exposures_open_idx" ON "exposures" USING btree ("state") WHERE resolved_at is null;--> statement-breakpoint
CREATE INDEX "match_advisories_source_idx" ON "match_advisories" USING btree ("source");