CREATE SCHEMA "analytics";
--> statement-breakpoint
CREATE TABLE "analytics"."booking_facts" (
	"booking_id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"traveler_id" uuid NOT NULL,
	"amount_minor" bigint,
	"currency" text,
	"status" text NOT NULL,
	"confirmed_at" timestamp with time zone,
	"canceled_at" timestamp with time zone,
	"last_event_at" timestamp with time zone NOT NULL,
	CONSTRAINT "booking_facts_amount_nonnegative" CHECK ("analytics"."booking_facts"."amount_minor" >= 0),
	CONSTRAINT "booking_facts_confirmed_has_amount" CHECK ("analytics"."booking_facts"."status" <> 'confirmed' or ("analytics"."booking_facts"."amount_minor" is not null and "analytics"."booking_facts"."currency" is not null))
);
--> statement-breakpoint
CREATE TABLE "analytics"."inbox" (
	"handler" text NOT NULL,
	"event_id" uuid NOT NULL,
	"handled_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inbox_handler_event_id_pk" PRIMARY KEY("handler","event_id")
);
--> statement-breakpoint
CREATE TABLE "analytics"."outbox" (
	"id" uuid PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"aggregate_id" text NOT NULL,
	"org_id" uuid,
	"payload" jsonb NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"claimed_until" timestamp with time zone,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "booking_facts_org_idx" ON "analytics"."booking_facts" USING btree ("org_id","status","currency");--> statement-breakpoint
CREATE INDEX "outbox_unpublished_idx" ON "analytics"."outbox" USING btree ("occurred_at") WHERE "analytics"."outbox"."published_at" is null;