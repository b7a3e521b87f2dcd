CREATE SCHEMA "inventory";
--> statement-breakpoint
CREATE TABLE "inventory"."airlines" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"country" text
);
--> statement-breakpoint
CREATE TABLE "inventory"."airports" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"city" text NOT NULL,
	"country" text NOT NULL,
	"latitude" double precision NOT NULL,
	"longitude" double precision NOT NULL,
	"time_zone" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inventory"."flights" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"airline_code" text NOT NULL,
	"flight_number" text NOT NULL,
	"origin_code" text NOT NULL,
	"destination_code" text NOT NULL,
	"departure_at" timestamp with time zone NOT NULL,
	"arrival_at" timestamp with time zone NOT NULL,
	"duration_minutes" integer NOT NULL,
	"stops" integer DEFAULT 0 NOT NULL,
	"aircraft" text,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inventory"."holds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"flight_id" uuid NOT NULL,
	"seat_id" uuid NOT NULL,
	"price_minor" integer NOT NULL,
	"currency" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"booking_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inventory"."hotels" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"city" text NOT NULL,
	"country" text NOT NULL,
	"airport_code" text,
	"latitude" double precision NOT NULL,
	"longitude" double precision NOT NULL,
	"star_rating" integer NOT NULL,
	"time_zone" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inventory"."inbox" (
	"handler" text NOT NULL,
	"event_id" uuid NOT NULL,
	"handled_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inbox_handler_event_id_pk" PRIMARY KEY("handler","event_id")
);
--> statement-breakpoint
CREATE TABLE "inventory"."outbox" (
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
CREATE TABLE "inventory"."room_types" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"hotel_id" uuid NOT NULL,
	"name" text NOT NULL,
	"capacity" integer NOT NULL,
	"nightly_rate_minor" integer NOT NULL,
	"currency" text NOT NULL,
	"total_rooms" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inventory"."seats" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"flight_id" uuid NOT NULL,
	"seat_number" text NOT NULL,
	"cabin" text NOT NULL,
	"position" text NOT NULL,
	"extra_legroom" boolean DEFAULT false NOT NULL,
	"exit_row" boolean DEFAULT false NOT NULL,
	"price_minor" integer NOT NULL,
	"currency" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inventory"."travel_packages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"destination_city" text NOT NULL,
	"destination_country" text NOT NULL,
	"category" text NOT NULL,
	"duration_days" integer NOT NULL,
	"price_minor" integer NOT NULL,
	"currency" text NOT NULL,
	"max_group_size" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "inventory"."flights" ADD CONSTRAINT "flights_airline_code_airlines_code_fk" FOREIGN KEY ("airline_code") REFERENCES "inventory"."airlines"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory"."flights" ADD CONSTRAINT "flights_origin_code_airports_code_fk" FOREIGN KEY ("origin_code") REFERENCES "inventory"."airports"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory"."flights" ADD CONSTRAINT "flights_destination_code_airports_code_fk" FOREIGN KEY ("destination_code") REFERENCES "inventory"."airports"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory"."holds" ADD CONSTRAINT "holds_flight_id_flights_id_fk" FOREIGN KEY ("flight_id") REFERENCES "inventory"."flights"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory"."holds" ADD CONSTRAINT "holds_seat_id_seats_id_fk" FOREIGN KEY ("seat_id") REFERENCES "inventory"."seats"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory"."hotels" ADD CONSTRAINT "hotels_airport_code_airports_code_fk" FOREIGN KEY ("airport_code") REFERENCES "inventory"."airports"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory"."room_types" ADD CONSTRAINT "room_types_hotel_id_hotels_id_fk" FOREIGN KEY ("hotel_id") REFERENCES "inventory"."hotels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory"."seats" ADD CONSTRAINT "seats_flight_id_flights_id_fk" FOREIGN KEY ("flight_id") REFERENCES "inventory"."flights"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "flights_route_idx" ON "inventory"."flights" USING btree ("origin_code","destination_code","departure_at");--> statement-breakpoint
CREATE UNIQUE INDEX "flights_designator_idx" ON "inventory"."flights" USING btree ("airline_code","flight_number","departure_at");--> statement-breakpoint
CREATE UNIQUE INDEX "holds_seat_taken_idx" ON "inventory"."holds" USING btree ("seat_id") WHERE "inventory"."holds"."status" in ('active', 'converted');--> statement-breakpoint
CREATE INDEX "holds_due_idx" ON "inventory"."holds" USING btree ("expires_at") WHERE "inventory"."holds"."status" = 'active';--> statement-breakpoint
CREATE UNIQUE INDEX "hotels_name_city_idx" ON "inventory"."hotels" USING btree ("name","city");--> statement-breakpoint
CREATE INDEX "hotels_city_idx" ON "inventory"."hotels" USING btree (lower("city"),"name","id");--> statement-breakpoint
CREATE INDEX "outbox_unpublished_idx" ON "inventory"."outbox" USING btree ("occurred_at") WHERE "inventory"."outbox"."published_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "room_types_hotel_name_idx" ON "inventory"."room_types" USING btree ("hotel_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "seats_flight_number_idx" ON "inventory"."seats" USING btree ("flight_id","seat_number");--> statement-breakpoint
CREATE INDEX "seats_flight_cabin_idx" ON "inventory"."seats" USING btree ("flight_id","cabin");--> statement-breakpoint
CREATE UNIQUE INDEX "travel_packages_title_city_idx" ON "inventory"."travel_packages" USING btree ("title","destination_city");--> statement-breakpoint
CREATE INDEX "travel_packages_order_idx" ON "inventory"."travel_packages" USING btree ("title","id");