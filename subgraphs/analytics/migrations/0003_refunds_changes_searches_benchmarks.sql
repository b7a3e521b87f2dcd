CREATE TABLE "analytics"."benchmark_fares" (
	"org_id" uuid NOT NULL,
	"origin" text NOT NULL,
	"destination" text NOT NULL,
	"cabin" text NOT NULL,
	"amount_minor" bigint NOT NULL,
	"currency" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by_id" uuid NOT NULL,
	CONSTRAINT "benchmark_fares_org_id_origin_destination_cabin_pk" PRIMARY KEY("org_id","origin","destination","cabin"),
	CONSTRAINT "benchmark_fares_amount_nonnegative" CHECK ("analytics"."benchmark_fares"."amount_minor" >= 0)
);
--> statement-breakpoint
CREATE TABLE "analytics"."booking_adjustments" (
	"adjustment_id" text PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"booking_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"amount_minor" bigint NOT NULL,
	"currency" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"position" integer,
	"segment" jsonb
);
--> statement-breakpoint
CREATE TABLE "analytics"."search_facts" (
	"event_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"org_id" uuid NOT NULL,
	"origin" text NOT NULL,
	"destination" text NOT NULL,
	"searches" integer NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	CONSTRAINT "search_facts_event_id_position_pk" PRIMARY KEY("event_id","position")
);
--> statement-breakpoint
ALTER TABLE "analytics"."booking_facts" ADD COLUMN "refunded_minor" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "analytics"."booking_facts" ADD COLUMN "changed_minor" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "booking_adjustments_booking_idx" ON "analytics"."booking_adjustments" USING btree ("booking_id");--> statement-breakpoint
CREATE INDEX "booking_adjustments_org_idx" ON "analytics"."booking_adjustments" USING btree ("org_id","kind","occurred_at");--> statement-breakpoint
CREATE INDEX "search_facts_org_idx" ON "analytics"."search_facts" USING btree ("org_id","occurred_at");