CREATE TABLE "inventory"."flight_cabins" (
	"flight_id" uuid NOT NULL,
	"cabin" text NOT NULL,
	"capacity" integer NOT NULL,
	"fare_minor" integer NOT NULL,
	"currency" text NOT NULL,
	CONSTRAINT "flight_cabins_flight_id_cabin_pk" PRIMARY KEY("flight_id","cabin"),
	CONSTRAINT "flight_cabins_capacity_check" CHECK ("inventory"."flight_cabins"."capacity" >= 0)
);
--> statement-breakpoint
CREATE TABLE "inventory"."package_departures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"package_id" uuid NOT NULL,
	"date" date NOT NULL,
	"capacity" integer NOT NULL,
	"price_multiplier_bp" integer DEFAULT 10000 NOT NULL,
	CONSTRAINT "package_departures_capacity_check" CHECK ("inventory"."package_departures"."capacity" >= 0 and "inventory"."package_departures"."price_multiplier_bp" > 0)
);
--> statement-breakpoint
CREATE TABLE "inventory"."package_holds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"package_id" uuid NOT NULL,
	"departure_id" uuid NOT NULL,
	"travelers" integer NOT NULL,
	"price_minor" integer NOT NULL,
	"currency" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"booking_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "package_holds_travelers_check" CHECK ("inventory"."package_holds"."travelers" > 0)
);
--> statement-breakpoint
CREATE TABLE "inventory"."room_holds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"hotel_id" uuid NOT NULL,
	"room_type_id" uuid NOT NULL,
	"check_in" date NOT NULL,
	"check_out" date NOT NULL,
	"rooms" integer NOT NULL,
	"guests" integer NOT NULL,
	"price_minor" integer NOT NULL,
	"currency" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"booking_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "room_holds_stay_check" CHECK ("inventory"."room_holds"."check_out" > "inventory"."room_holds"."check_in" and "inventory"."room_holds"."rooms" > 0)
);
--> statement-breakpoint
ALTER TABLE "inventory"."flight_cabins" ADD CONSTRAINT "flight_cabins_flight_id_flights_id_fk" FOREIGN KEY ("flight_id") REFERENCES "inventory"."flights"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory"."package_departures" ADD CONSTRAINT "package_departures_package_id_travel_packages_id_fk" FOREIGN KEY ("package_id") REFERENCES "inventory"."travel_packages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory"."package_holds" ADD CONSTRAINT "package_holds_package_id_travel_packages_id_fk" FOREIGN KEY ("package_id") REFERENCES "inventory"."travel_packages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory"."package_holds" ADD CONSTRAINT "package_holds_departure_id_package_departures_id_fk" FOREIGN KEY ("departure_id") REFERENCES "inventory"."package_departures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory"."room_holds" ADD CONSTRAINT "room_holds_hotel_id_hotels_id_fk" FOREIGN KEY ("hotel_id") REFERENCES "inventory"."hotels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory"."room_holds" ADD CONSTRAINT "room_holds_room_type_id_room_types_id_fk" FOREIGN KEY ("room_type_id") REFERENCES "inventory"."room_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "package_departures_package_date_idx" ON "inventory"."package_departures" USING btree ("package_id","date");--> statement-breakpoint
CREATE INDEX "package_holds_taken_idx" ON "inventory"."package_holds" USING btree ("departure_id") WHERE "inventory"."package_holds"."status" in ('active', 'converted');--> statement-breakpoint
CREATE INDEX "package_holds_due_idx" ON "inventory"."package_holds" USING btree ("expires_at") WHERE "inventory"."package_holds"."status" = 'active';--> statement-breakpoint
CREATE INDEX "room_holds_taken_idx" ON "inventory"."room_holds" USING btree ("room_type_id","check_in") WHERE "inventory"."room_holds"."status" in ('active', 'converted');--> statement-breakpoint
CREATE INDEX "room_holds_due_idx" ON "inventory"."room_holds" USING btree ("expires_at") WHERE "inventory"."room_holds"."status" = 'active';--> statement-breakpoint
CREATE INDEX "holds_flight_taken_idx" ON "inventory"."holds" USING btree ("flight_id") WHERE "inventory"."holds"."status" in ('active', 'converted');--> statement-breakpoint
CREATE INDEX "hotels_position_idx" ON "inventory"."hotels" USING btree ("latitude","longitude");--> statement-breakpoint
CREATE INDEX "travel_packages_text_idx" ON "inventory"."travel_packages" USING gin (to_tsvector('english', "title" || ' ' || "description"));--> statement-breakpoint
-- Flights loaded before this migration get their cabins from their seat maps.
INSERT INTO "inventory"."flight_cabins" ("flight_id", "cabin", "capacity", "fare_minor", "currency")
SELECT "flight_id", "cabin", count(*)::int, min("price_minor"), min("currency") FROM "inventory"."seats" GROUP BY "flight_id", "cabin"
ON CONFLICT DO NOTHING;
