CREATE TABLE "inventory"."flight_status_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"flight_id" uuid NOT NULL,
	"change" text NOT NULL,
	"status" text NOT NULL,
	"estimated_departure_at" timestamp with time zone,
	"estimated_arrival_at" timestamp with time zone,
	"gate" text,
	"diverted_to_code" text,
	"delay_minutes" integer,
	"reason" text,
	"recorded_by_id" uuid,
	"occurred_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "inventory"."flights" ADD COLUMN "estimated_departure_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "inventory"."flights" ADD COLUMN "estimated_arrival_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "inventory"."flights" ADD COLUMN "gate" text;--> statement-breakpoint
ALTER TABLE "inventory"."flights" ADD COLUMN "diverted_to_code" text;--> statement-breakpoint
ALTER TABLE "inventory"."flight_status_changes" ADD CONSTRAINT "flight_status_changes_flight_id_flights_id_fk" FOREIGN KEY ("flight_id") REFERENCES "inventory"."flights"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory"."flight_status_changes" ADD CONSTRAINT "flight_status_changes_diverted_to_code_airports_code_fk" FOREIGN KEY ("diverted_to_code") REFERENCES "inventory"."airports"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "flight_status_changes_flight_idx" ON "inventory"."flight_status_changes" USING btree ("flight_id","occurred_at");--> statement-breakpoint
ALTER TABLE "inventory"."flights" ADD CONSTRAINT "flights_diverted_to_code_airports_code_fk" FOREIGN KEY ("diverted_to_code") REFERENCES "inventory"."airports"("code") ON DELETE no action ON UPDATE no action;