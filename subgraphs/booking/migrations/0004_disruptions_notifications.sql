CREATE TABLE "booking"."disruptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"booking_id" uuid NOT NULL,
	"segment_id" uuid NOT NULL,
	"flight_id" text NOT NULL,
	"flight_number" text NOT NULL,
	"kind" text NOT NULL,
	"severity" text NOT NULL,
	"delay_minutes" integer,
	"estimated_departure_at" timestamp with time zone,
	"estimated_arrival_at" timestamp with time zone,
	"gate" text,
	"diverted_to" text,
	"reason" text,
	"previous_status" text,
	"state" text DEFAULT 'open' NOT NULL,
	"source_event_id" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by_id" uuid,
	"accepted_suggestion_id" uuid
);
--> statement-breakpoint
CREATE TABLE "booking"."notification_reads" (
	"notification_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"read_at" timestamp with time zone NOT NULL,
	CONSTRAINT "notification_reads_notification_id_person_id_pk" PRIMARY KEY("notification_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "booking"."notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"recipient_id" uuid,
	"recipient_role" text,
	"kind" text NOT NULL,
	"severity" text,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"booking_id" uuid,
	"disruption_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "notifications_recipient_check" CHECK (("booking"."notifications"."recipient_id" is null) <> ("booking"."notifications"."recipient_role" is null))
);
--> statement-breakpoint
CREATE TABLE "booking"."rebooking_suggestions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"disruption_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"rank" integer NOT NULL,
	"flight_id" text NOT NULL,
	"flight_number" text NOT NULL,
	"cabin" text NOT NULL,
	"depart_at" timestamp with time zone NOT NULL,
	"arrive_at" timestamp with time zone NOT NULL,
	"stops" integer NOT NULL,
	"fare_minor" bigint NOT NULL,
	"currency" text NOT NULL,
	"seats_left" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "booking"."disruptions" ADD CONSTRAINT "disruptions_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "booking"."bookings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking"."disruptions" ADD CONSTRAINT "disruptions_segment_id_segments_id_fk" FOREIGN KEY ("segment_id") REFERENCES "booking"."segments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking"."notification_reads" ADD CONSTRAINT "notification_reads_notification_id_notifications_id_fk" FOREIGN KEY ("notification_id") REFERENCES "booking"."notifications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking"."notifications" ADD CONSTRAINT "notifications_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "booking"."bookings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking"."notifications" ADD CONSTRAINT "notifications_disruption_id_disruptions_id_fk" FOREIGN KEY ("disruption_id") REFERENCES "booking"."disruptions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking"."rebooking_suggestions" ADD CONSTRAINT "rebooking_suggestions_disruption_id_disruptions_id_fk" FOREIGN KEY ("disruption_id") REFERENCES "booking"."disruptions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "disruptions_org_occurred_idx" ON "booking"."disruptions" USING btree ("org_id","occurred_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "disruptions_booking_idx" ON "booking"."disruptions" USING btree ("booking_id","occurred_at");--> statement-breakpoint
CREATE UNIQUE INDEX "disruptions_event_segment_idx" ON "booking"."disruptions" USING btree ("source_event_id","segment_id");--> statement-breakpoint
CREATE INDEX "notifications_person_idx" ON "booking"."notifications" USING btree ("org_id","recipient_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "notifications_role_idx" ON "booking"."notifications" USING btree ("org_id","recipient_role","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "rebooking_suggestions_rank_idx" ON "booking"."rebooking_suggestions" USING btree ("disruption_id","rank");--> statement-breakpoint
CREATE INDEX "segments_flight_idx" ON "booking"."segments" USING btree ("flight_id") WHERE "booking"."segments"."flight_id" is not null;