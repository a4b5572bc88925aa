CREATE TABLE "supervision_history" (
	"area_code" text NOT NULL,
	"day" date NOT NULL,
	"figures" jsonb NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "supervision_history_area_code_day_pk" PRIMARY KEY("area_code","day")
);
--> statement-breakpoint
CREATE TABLE "supervision_snapshots" (
	"area_code" text PRIMARY KEY NOT NULL,
	"level" text NOT NULL,
	"parent_code" text,
	"figures" jsonb NOT NULL,
	"incident_months" jsonb,
	"refreshed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "supervision_snapshots_parent_idx" ON "supervision_snapshots" USING btree ("parent_code","area_code");