CREATE TABLE "inventory"."fare_classes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"flight_id" uuid NOT NULL,
	"cabin" text NOT NULL,
	"fare_family" text NOT NULL,
	"booking_code" text NOT NULL,
	"price_minor" integer NOT NULL,
	"currency" text NOT NULL,
	"refundable" boolean NOT NULL,
	"change_fee_minor" integer,
	"checked_bags" integer NOT NULL,
	"carry_on_bags" integer NOT NULL,
	CONSTRAINT "fare_classes_amounts_check" CHECK ("inventory"."fare_classes"."price_minor" >= 0 and coalesce("inventory"."fare_classes"."change_fee_minor", 0) >= 0 and "inventory"."fare_classes"."checked_bags" >= 0 and "inventory"."fare_classes"."carry_on_bags" >= 0)
);
--> statement-breakpoint
CREATE TABLE "inventory"."package_itinerary_days" (
	"package_id" uuid NOT NULL,
	"day" integer NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	CONSTRAINT "package_itinerary_days_package_id_day_pk" PRIMARY KEY("package_id","day"),
	CONSTRAINT "package_itinerary_days_day_check" CHECK ("inventory"."package_itinerary_days"."day" >= 1)
);
--> statement-breakpoint
CREATE TABLE "inventory"."package_seasons" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"package_id" uuid NOT NULL,
	"name" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"price_multiplier_bp" integer NOT NULL,
	CONSTRAINT "package_seasons_range_check" CHECK ("inventory"."package_seasons"."ends_on" >= "inventory"."package_seasons"."starts_on" and "inventory"."package_seasons"."price_multiplier_bp" > 0)
);
--> statement-breakpoint
ALTER TABLE "inventory"."airports" ADD COLUMN "min_connection_minutes" integer DEFAULT 60 NOT NULL;--> statement-breakpoint
ALTER TABLE "inventory"."holds" ADD COLUMN "fare_class_id" uuid;--> statement-breakpoint
ALTER TABLE "inventory"."travel_packages" ADD COLUMN "min_group_size" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "inventory"."travel_packages" ADD COLUMN "inclusions" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "inventory"."travel_packages" ADD COLUMN "exclusions" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "inventory"."fare_classes" ADD CONSTRAINT "fare_classes_flight_id_flights_id_fk" FOREIGN KEY ("flight_id") REFERENCES "inventory"."flights"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory"."package_itinerary_days" ADD CONSTRAINT "package_itinerary_days_package_id_travel_packages_id_fk" FOREIGN KEY ("package_id") REFERENCES "inventory"."travel_packages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory"."package_seasons" ADD CONSTRAINT "package_seasons_package_id_travel_packages_id_fk" FOREIGN KEY ("package_id") REFERENCES "inventory"."travel_packages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "fare_classes_flight_cabin_family_idx" ON "inventory"."fare_classes" USING btree ("flight_id","cabin","fare_family");--> statement-breakpoint
CREATE UNIQUE INDEX "package_seasons_package_start_idx" ON "inventory"."package_seasons" USING btree ("package_id","starts_on");--> statement-breakpoint
ALTER TABLE "inventory"."holds" ADD CONSTRAINT "holds_fare_class_id_fare_classes_id_fk" FOREIGN KEY ("fare_class_id") REFERENCES "inventory"."fare_classes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "flights_departures_idx" ON "inventory"."flights" USING btree ("origin_code","departure_at");