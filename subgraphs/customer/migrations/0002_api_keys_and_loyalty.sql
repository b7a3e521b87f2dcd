CREATE TABLE "customer"."api_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"prefix" text NOT NULL,
	"secret_hash" text NOT NULL,
	"scopes" text[] NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "customer"."loyalty_ledger" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"source" text NOT NULL,
	"points" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customer"."loyalty_trips" (
	"booking_id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"status" text NOT NULL,
	"review_rating" integer,
	"review_text" text,
	"reviewed_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customer"."referral_codes" (
	"code" text PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "referral_codes_person_id_unique" UNIQUE("person_id")
);
--> statement-breakpoint
CREATE TABLE "customer"."referral_redemptions" (
	"redeemer_id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "customer"."api_keys" ADD CONSTRAINT "api_keys_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "customer"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer"."loyalty_ledger" ADD CONSTRAINT "loyalty_ledger_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "customer"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer"."loyalty_ledger" ADD CONSTRAINT "loyalty_ledger_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "customer"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer"."loyalty_trips" ADD CONSTRAINT "loyalty_trips_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "customer"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer"."loyalty_trips" ADD CONSTRAINT "loyalty_trips_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "customer"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer"."referral_codes" ADD CONSTRAINT "referral_codes_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "customer"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer"."referral_codes" ADD CONSTRAINT "referral_codes_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "customer"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer"."referral_redemptions" ADD CONSTRAINT "referral_redemptions_redeemer_id_people_id_fk" FOREIGN KEY ("redeemer_id") REFERENCES "customer"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer"."referral_redemptions" ADD CONSTRAINT "referral_redemptions_code_referral_codes_code_fk" FOREIGN KEY ("code") REFERENCES "customer"."referral_codes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "api_keys_secret_hash_idx" ON "customer"."api_keys" USING btree ("secret_hash");--> statement-breakpoint
CREATE INDEX "api_keys_org_idx" ON "customer"."api_keys" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "loyalty_ledger_award_idx" ON "customer"."loyalty_ledger" USING btree ("person_id","reason","source");--> statement-breakpoint
CREATE INDEX "loyalty_ledger_person_idx" ON "customer"."loyalty_ledger" USING btree ("person_id","created_at","id");--> statement-breakpoint
CREATE INDEX "loyalty_ledger_org_idx" ON "customer"."loyalty_ledger" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "loyalty_trips_person_idx" ON "customer"."loyalty_trips" USING btree ("person_id","status");