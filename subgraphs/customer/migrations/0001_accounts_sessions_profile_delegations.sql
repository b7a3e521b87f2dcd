CREATE TABLE "customer"."delegations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"principal_id" uuid NOT NULL,
	"delegate_id" uuid NOT NULL,
	"granted_by_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customer"."refresh_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"family_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customer"."sign_in_throttle" (
	"email" text PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"window_started_at" timestamp with time zone NOT NULL,
	"locked_until" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "customer"."people" ADD COLUMN "cost_center" text;--> statement-breakpoint
ALTER TABLE "customer"."people" ADD COLUMN "preferences" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "customer"."people" ADD COLUMN "loyalty_memberships" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "customer"."people" ADD COLUMN "passport_number" text;--> statement-breakpoint
ALTER TABLE "customer"."people" ADD COLUMN "passport_country" text;--> statement-breakpoint
ALTER TABLE "customer"."people" ADD COLUMN "passport_expires_on" date;--> statement-breakpoint
ALTER TABLE "customer"."people" ADD COLUMN "visas" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "customer"."delegations" ADD CONSTRAINT "delegations_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "customer"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer"."delegations" ADD CONSTRAINT "delegations_principal_id_people_id_fk" FOREIGN KEY ("principal_id") REFERENCES "customer"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer"."delegations" ADD CONSTRAINT "delegations_delegate_id_people_id_fk" FOREIGN KEY ("delegate_id") REFERENCES "customer"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer"."refresh_tokens" ADD CONSTRAINT "refresh_tokens_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "customer"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer"."refresh_tokens" ADD CONSTRAINT "refresh_tokens_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "customer"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "delegations_pair_idx" ON "customer"."delegations" USING btree ("principal_id","delegate_id");--> statement-breakpoint
CREATE INDEX "delegations_delegate_idx" ON "customer"."delegations" USING btree ("org_id","delegate_id");--> statement-breakpoint
CREATE UNIQUE INDEX "refresh_tokens_hash_idx" ON "customer"."refresh_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "refresh_tokens_family_idx" ON "customer"."refresh_tokens" USING btree ("family_id");--> statement-breakpoint
CREATE INDEX "refresh_tokens_expiry_idx" ON "customer"."refresh_tokens" USING btree ("expires_at");