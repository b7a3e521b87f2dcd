CREATE TABLE "booking"."cancellation_quotes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"booking_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"booking_version" integer NOT NULL,
	"refund_minor" bigint NOT NULL,
	"currency" text NOT NULL,
	"lines" jsonb NOT NULL,
	"created_by_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "booking"."segment_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"booking_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"segment_id" uuid NOT NULL,
	"old_hold_id" text,
	"new_hold_id" text NOT NULL,
	"old_price_minor" bigint NOT NULL,
	"new_price_minor" bigint NOT NULL,
	"difference_minor" bigint NOT NULL,
	"currency" text NOT NULL,
	"before" jsonb NOT NULL,
	"actor_id" uuid,
	"reason" text,
	"occurred_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "booking"."bookings" ADD COLUMN "traveler_details" jsonb;--> statement-breakpoint
ALTER TABLE "booking"."bookings" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "booking"."segments" ADD COLUMN "product_id" text;--> statement-breakpoint
ALTER TABLE "booking"."segments" ADD COLUMN "supplier" text;--> statement-breakpoint
ALTER TABLE "booking"."segments" ADD COLUMN "description" text;--> statement-breakpoint
ALTER TABLE "booking"."segments" ADD COLUMN "supplier_reference" text;--> statement-breakpoint
ALTER TABLE "booking"."segments" ADD COLUMN "cancellation_policy" text DEFAULT 'standard' NOT NULL;--> statement-breakpoint
ALTER TABLE "booking"."cancellation_quotes" ADD CONSTRAINT "cancellation_quotes_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "booking"."bookings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking"."segment_changes" ADD CONSTRAINT "segment_changes_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "booking"."bookings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking"."segment_changes" ADD CONSTRAINT "segment_changes_segment_id_segments_id_fk" FOREIGN KEY ("segment_id") REFERENCES "booking"."segments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cancellation_quotes_booking_idx" ON "booking"."cancellation_quotes" USING btree ("booking_id");--> statement-breakpoint
CREATE INDEX "segment_changes_booking_idx" ON "booking"."segment_changes" USING btree ("booking_id","occurred_at");