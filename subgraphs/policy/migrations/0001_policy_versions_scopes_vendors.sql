CREATE TABLE "policy"."policy_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"policy_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"activated_at" timestamp with time zone,
	"retired_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "policy"."preferred_vendors" (
	"org_id" uuid NOT NULL,
	"vendor_code" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "preferred_vendors_org_id_vendor_code_pk" PRIMARY KEY("org_id","vendor_code")
);
--> statement-breakpoint
DROP INDEX "policy"."policies_one_active_per_org_idx";--> statement-breakpoint
DROP INDEX "policy"."policy_rules_policy_idx";--> statement-breakpoint
ALTER TABLE "policy"."evaluations" ADD COLUMN "version_id" uuid;--> statement-breakpoint
ALTER TABLE "policy"."policy_rules" ADD COLUMN "version_id" uuid;--> statement-breakpoint
-- Hand-written backfill: every existing policy becomes its own version (same number), active or retired as it was.
INSERT INTO "policy"."policy_versions" ("policy_id", "org_id", "version", "status", "created_at", "activated_at", "retired_at")
SELECT "id", "org_id", "version", CASE WHEN "active" THEN 'active' ELSE 'retired' END, "created_at", "created_at", CASE WHEN "active" THEN NULL ELSE "updated_at" END
FROM "policy"."policies";--> statement-breakpoint
UPDATE "policy"."policy_rules" r SET "version_id" = v."id" FROM "policy"."policy_versions" v WHERE v."policy_id" = r."policy_id";--> statement-breakpoint
UPDATE "policy"."evaluations" e SET "version_id" = v."id" FROM "policy"."policy_versions" v WHERE v."policy_id" = e."policy_id" AND v."version" = e."policy_version";--> statement-breakpoint
ALTER TABLE "policy"."policy_rules" ALTER COLUMN "version_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "policy"."policy_rules" ADD COLUMN "regions" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "policy"."policy_rules" ADD COLUMN "departments" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "policy"."policy_rules" ADD COLUMN "levels" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "policy"."policy_versions" ADD CONSTRAINT "policy_versions_policy_id_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "policy"."policies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "policy_versions_number_idx" ON "policy"."policy_versions" USING btree ("policy_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "policy_versions_one_active_per_org_idx" ON "policy"."policy_versions" USING btree ("org_id") WHERE "policy"."policy_versions"."status" = 'active';--> statement-breakpoint
CREATE UNIQUE INDEX "policy_versions_one_draft_per_policy_idx" ON "policy"."policy_versions" USING btree ("policy_id") WHERE "policy"."policy_versions"."status" = 'draft';--> statement-breakpoint
ALTER TABLE "policy"."evaluations" ADD CONSTRAINT "evaluations_version_id_policy_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "policy"."policy_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy"."policy_rules" ADD CONSTRAINT "policy_rules_version_id_policy_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "policy"."policy_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "policy_rules_version_idx" ON "policy"."policy_rules" USING btree ("version_id","priority");--> statement-breakpoint
ALTER TABLE "policy"."policies" DROP COLUMN "version";--> statement-breakpoint
ALTER TABLE "policy"."policies" DROP COLUMN "active";