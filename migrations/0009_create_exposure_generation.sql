CREATE TABLE "exposure_generation" (
	"id" integer PRIMARY KEY NOT NULL,
	"generation" bigint NOT NULL
);
--> statement-breakpoint
INSERT INTO exposure_generation (id, generation) VALUES (1, 0);
