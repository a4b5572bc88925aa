CREATE TABLE "enterprise_profiles" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"uscc" text NOT NULL,
	"province_code" text NOT NULL,
	"city_code" text NOT NULL,
	"industry_section" text NOT NULL,
	"industry_division" text NOT NULL,
	"sector" text NOT NULL,
	"above_size" boolean NOT NULL,
	"annual_revenue_yuan" bigint,
	"revenue_year" integer,
	"officer_name" text,
	"officer_title" text,
	"officer_phone" text,
	"officer_email" text,
	"top_decile" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enterprise_profiles_city_in_province" CHECK (left("enterprise_profiles"."city_code", 2) = left("enterprise_profiles"."province_code", 2)),
	CONSTRAINT "enterprise_profiles_revenue_pair" CHECK (("enterprise_profiles"."annual_revenue_yuan" is null) = ("enterprise_profiles"."revenue_year" is null) and coalesce("enterprise_profiles"."annual_revenue_yuan", 0) >= 0)
);
--> statement-breakpoint
CREATE TABLE "enterprise_top_decile" (
	"province_code" text PRIMARY KEY NOT NULL,
	"population" integer NOT NULL,
	"quota" integer NOT NULL,
	"computed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "enterprise_profiles" ADD CONSTRAINT "enterprise_profiles_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "enterprise_profiles_uscc_uq" ON "enterprise_profiles" USING btree ("uscc");--> statement-breakpoint
CREATE INDEX "enterprise_profiles_place_idx" ON "enterprise_profiles" USING btree ("province_code","city_code");--> statement-breakpoint
CREATE INDEX "enterprise_profiles_industry_idx" ON "enterprise_profiles" USING btree ("industry_section","industry_division");--> statement-breakpoint
CREATE INDEX "enterprise_profiles_top_decile_idx" ON "enterprise_profiles" USING btree ("province_code") WHERE "enterprise_profiles"."top_decile";