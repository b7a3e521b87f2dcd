CREATE TABLE "analytics"."event_log" (
	"event_id" uuid PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"source" text NOT NULL,
	"org_id" uuid,
	"aggregate_id" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"payload" jsonb NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "analytics"."hold_facts" (
	"hold_id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"created_at" timestamp with time zone,
	"released_at" timestamp with time zone,
	"converted_at" timestamp with time zone,
	"booking_id" uuid
);
--> statement-breakpoint
CREATE TABLE "analytics"."payment_facts" (
	"payment_id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"booking_id" uuid NOT NULL,
	"amount_minor" bigint,
	"currency" text,
	"authorized_at" timestamp with time zone,
	"failed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "analytics"."policy_facts" (
	"booking_id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"evaluation_id" uuid NOT NULL,
	"result" text NOT NULL,
	"evaluated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "analytics"."segment_facts" (
	"booking_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"org_id" uuid NOT NULL,
	"traveler_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"supplier" text NOT NULL,
	"origin" text,
	"destination" text,
	"cabin" text,
	"depart_at" timestamp with time zone,
	"distance_km" integer,
	"haul" text,
	"co2e_grams" bigint,
	CONSTRAINT "segment_facts_booking_id_position_pk" PRIMARY KEY("booking_id","position")
);
--> statement-breakpoint
ALTER TABLE "analytics"."booking_facts" ADD COLUMN "first_depart_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "analytics"."booking_facts" ADD COLUMN "last_depart_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "analytics"."booking_facts" ADD COLUMN "destination" text;--> statement-breakpoint
ALTER TABLE "analytics"."booking_facts" ADD COLUMN "segment_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "analytics"."booking_facts" ADD COLUMN "co2e_grams" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "analytics"."booking_facts" ADD COLUMN "distance_km" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "analytics"."booking_facts" ADD COLUMN "flight_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "analytics"."booking_facts" ADD COLUMN "economy_segments" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "analytics"."booking_facts" ADD COLUMN "premium_economy_segments" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "analytics"."booking_facts" ADD COLUMN "business_segments" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "analytics"."booking_facts" ADD COLUMN "first_segments" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "analytics"."booking_facts" ADD COLUMN "flights_without_distance" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "event_log_org_idx" ON "analytics"."event_log" USING btree ("org_id","occurred_at");--> statement-breakpoint
CREATE INDEX "hold_facts_org_idx" ON "analytics"."hold_facts" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "payment_facts_org_idx" ON "analytics"."payment_facts" USING btree ("org_id","authorized_at");--> statement-breakpoint
CREATE INDEX "policy_facts_org_idx" ON "analytics"."policy_facts" USING btree ("org_id","evaluated_at");--> statement-breakpoint
CREATE INDEX "segment_facts_org_idx" ON "analytics"."segment_facts" USING btree ("org_id","booking_id");--> statement-breakpoint
CREATE INDEX "booking_facts_org_confirmed_idx" ON "analytics"."booking_facts" USING btree ("org_id","confirmed_at");--> statement-breakpoint
CREATE INDEX "booking_facts_org_traveler_idx" ON "analytics"."booking_facts" USING btree ("org_id","traveler_id","confirmed_at");--> statement-breakpoint
CREATE INDEX "booking_facts_org_depart_idx" ON "analytics"."booking_facts" USING btree ("org_id","first_depart_at");