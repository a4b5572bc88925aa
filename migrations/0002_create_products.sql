CREATE TABLE "product_components" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"product_id" uuid NOT NULL,
	"purl" text NOT NULL,
	"name" text NOT NULL,
	"version" text,
	"upstream_vendor_org_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "products" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"vendor_org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"model" text,
	"versions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version_ranges" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"purl" text,
	"cpe" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "product_components" ADD CONSTRAINT "product_components_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_components" ADD CONSTRAINT "product_components_upstream_vendor_org_id_orgs_id_fk" FOREIGN KEY ("upstream_vendor_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_vendor_org_id_orgs_id_fk" FOREIGN KEY ("vendor_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "product_components_uq" ON "product_components" USING btree ("product_id","purl");--> statement-breakpoint
CREATE INDEX "product_components_vendor_idx" ON "product_components" USING btree ("upstream_vendor_org_id");--> statement-breakpoint
CREATE INDEX "products_vendor_idx" ON "products" USING btree ("vendor_org_id","name");--> statement-breakpoint
CREATE INDEX "products_name_idx" ON "products" USING btree ("name","id");