CREATE TABLE "data_keys" (
	"id" uuid PRIMARY KEY NOT NULL,
	"wrapped" "bytea" NOT NULL,
	"master_key_id" text NOT NULL,
	"alg" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"retired_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "data_keys_active_idx" ON "data_keys" USING btree ("retired_at","created_at");