CREATE TABLE "booking"."pending_confirmations" (
	"booking_id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"payment_method" text NOT NULL,
	"approval_reason" text NOT NULL,
	"requested_by_id" uuid NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "booking"."pending_confirmations" ADD CONSTRAINT "pending_confirmations_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "booking"."bookings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pending_confirmations_org_idx" ON "booking"."pending_confirmations" USING btree ("org_id");