CREATE SCHEMA "booking";
--> statement-breakpoint
CREATE TABLE "booking"."booking_transitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"booking_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"sequence" integer NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"actor_id" uuid,
	"reason" text,
	"occurred_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "booking"."bookings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"traveler_id" uuid NOT NULL,
	"booked_by_id" uuid NOT NULL,
	"status" text NOT NULL,
	"total_minor" bigint NOT NULL,
	"currency" text NOT NULL,
	"trip_purpose" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"confirmed_at" timestamp with time zone,
	"canceled_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "booking"."idempotency_keys" (
	"org_id" uuid NOT NULL,
	"operation" text NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"booking_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "idempotency_keys_org_id_operation_key_pk" PRIMARY KEY("org_id","operation","key")
);
--> statement-breakpoint
CREATE TABLE "booking"."inbox" (
	"handler" text NOT NULL,
	"event_id" uuid NOT NULL,
	"handled_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inbox_handler_event_id_pk" PRIMARY KEY("handler","event_id")
);
--> statement-breakpoint
CREATE TABLE "booking"."outbox" (
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
CREATE TABLE "booking"."segments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"booking_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"hold_id" text,
	"flight_id" text,
	"seat_id" text,
	"cabin" text,
	"origin" text,
	"destination" text,
	"carrier" text,
	"flight_number" text,
	"depart_at" timestamp with time zone,
	"arrive_at" timestamp with time zone,
	"price_minor" bigint NOT NULL,
	"currency" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "booking"."booking_transitions" ADD CONSTRAINT "booking_transitions_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "booking"."bookings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking"."idempotency_keys" ADD CONSTRAINT "idempotency_keys_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "booking"."bookings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking"."segments" ADD CONSTRAINT "segments_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "booking"."bookings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "booking_transitions_booking_sequence_idx" ON "booking"."booking_transitions" USING btree ("booking_id","sequence");--> statement-breakpoint
CREATE INDEX "bookings_org_created_idx" ON "booking"."bookings" USING btree ("org_id","created_at" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "bookings_org_traveler_created_idx" ON "booking"."bookings" USING btree ("org_id","traveler_id","created_at" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "outbox_unpublished_idx" ON "booking"."outbox" USING btree ("occurred_at") WHERE "booking"."outbox"."published_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "segments_booking_position_idx" ON "booking"."segments" USING btree ("booking_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "segments_hold_idx" ON "booking"."segments" USING btree ("hold_id") WHERE "booking"."segments"."hold_id" is not null;