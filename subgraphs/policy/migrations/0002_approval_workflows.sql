CREATE TABLE "policy"."approval_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "policy"."approval_actions_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"request_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"step_position" integer,
	"kind" text NOT NULL,
	"actor_id" uuid,
	"on_behalf_of_id" uuid,
	"comment" text,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policy"."approval_delegations" (
	"org_id" uuid NOT NULL,
	"approver_id" uuid NOT NULL,
	"delegate_id" uuid NOT NULL,
	"until" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "approval_delegations_org_id_approver_id_pk" PRIMARY KEY("org_id","approver_id")
);
--> statement-breakpoint
CREATE TABLE "policy"."approval_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"booking_id" uuid NOT NULL,
	"traveler_id" uuid NOT NULL,
	"requested_by_id" uuid NOT NULL,
	"amount_minor" bigint NOT NULL,
	"currency" text NOT NULL,
	"reason" text NOT NULL,
	"status" text NOT NULL,
	"on_missed_deadline" text NOT NULL,
	"sla_hours" integer NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "policy"."approval_settings" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"finance_threshold_minor" bigint NOT NULL,
	"executive_threshold_minor" bigint NOT NULL,
	"currency" text NOT NULL,
	"sla_hours" integer NOT NULL,
	"on_missed_deadline" text NOT NULL,
	"updated_by_id" uuid,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policy"."approval_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"approver_id" uuid NOT NULL,
	"escalated_from_id" uuid,
	"escalation_approver_id" uuid,
	"status" text NOT NULL,
	"due_at" timestamp with time zone,
	"escalated_at" timestamp with time zone,
	"acted_by_id" uuid,
	"acted_at" timestamp with time zone,
	"comment" text
);
--> statement-breakpoint
CREATE TABLE "policy"."booking_travelers" (
	"booking_id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"traveler_id" uuid NOT NULL
);
--> statement-breakpoint
ALTER TABLE "policy"."approval_actions" ADD CONSTRAINT "approval_actions_request_id_approval_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "policy"."approval_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy"."approval_steps" ADD CONSTRAINT "approval_steps_request_id_approval_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "policy"."approval_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "approval_actions_request_idx" ON "policy"."approval_actions" USING btree ("request_id","seq");--> statement-breakpoint
CREATE INDEX "approval_delegations_delegate_idx" ON "policy"."approval_delegations" USING btree ("org_id","delegate_id");--> statement-breakpoint
CREATE UNIQUE INDEX "approval_requests_booking_idx" ON "policy"."approval_requests" USING btree ("org_id","booking_id");--> statement-breakpoint
CREATE INDEX "approval_requests_traveler_idx" ON "policy"."approval_requests" USING btree ("org_id","traveler_id","requested_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "approval_steps_position_idx" ON "policy"."approval_steps" USING btree ("request_id","position");--> statement-breakpoint
CREATE INDEX "approval_steps_queue_idx" ON "policy"."approval_steps" USING btree ("org_id","approver_id","status");--> statement-breakpoint
CREATE INDEX "approval_steps_due_idx" ON "policy"."approval_steps" USING btree ("due_at") WHERE "policy"."approval_steps"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "booking_travelers_traveler_idx" ON "policy"."booking_travelers" USING btree ("org_id","traveler_id");