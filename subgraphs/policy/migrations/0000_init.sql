CREATE SCHEMA "policy";
--> statement-breakpoint
CREATE TABLE "policy"."evaluations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"booking_id" uuid NOT NULL,
	"policy_id" uuid,
	"policy_version" integer,
	"result" text NOT NULL,
	"outcomes" jsonb NOT NULL,
	"evaluated_by" uuid NOT NULL,
	"evaluated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policy"."inbox" (
	"handler" text NOT NULL,
	"event_id" uuid NOT NULL,
	"handled_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inbox_handler_event_id_pk" PRIMARY KEY("handler","event_id")
);
--> statement-breakpoint
CREATE TABLE "policy"."outbox" (
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
CREATE TABLE "policy"."policies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policy"."policy_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"policy_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"action" text NOT NULL,
	"condition" jsonb NOT NULL,
	"message" text NOT NULL,
	"priority" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "policy"."evaluations" ADD CONSTRAINT "evaluations_policy_id_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "policy"."policies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy"."policy_rules" ADD CONSTRAINT "policy_rules_policy_id_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "policy"."policies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "evaluations_latest_idx" ON "policy"."evaluations" USING btree ("org_id","booking_id","evaluated_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "outbox_unpublished_idx" ON "policy"."outbox" USING btree ("occurred_at") WHERE "policy"."outbox"."published_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "policies_one_active_per_org_idx" ON "policy"."policies" USING btree ("org_id") WHERE "policy"."policies"."active";--> statement-breakpoint
CREATE INDEX "policies_org_idx" ON "policy"."policies" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "policy_rules_policy_idx" ON "policy"."policy_rules" USING btree ("policy_id","priority");