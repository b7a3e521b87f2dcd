CREATE TABLE "payment"."card_transactions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"card_id" uuid NOT NULL,
	"booking_id" uuid NOT NULL,
	"provider_authorization_id" text NOT NULL,
	"amount_minor" bigint NOT NULL,
	"currency" text NOT NULL,
	"merchant_name" text,
	"merchant_category" text NOT NULL,
	"approved" boolean NOT NULL,
	"decline_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "card_transactions_provider_authorization_id_unique" UNIQUE("provider_authorization_id")
);
--> statement-breakpoint
CREATE TABLE "payment"."reconciliation_flags" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"booking_id" uuid NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"detail" text NOT NULL,
	"amount_minor" bigint NOT NULL,
	"currency" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"resolved_by" uuid,
	"resolution_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "payment"."refunds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"booking_id" uuid NOT NULL,
	"payment_id" uuid,
	"quote_id" text NOT NULL,
	"status" text NOT NULL,
	"amount_minor" bigint NOT NULL,
	"currency" text NOT NULL,
	"provider_refund_id" text,
	"failure_code" text,
	"failure_message" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payment"."virtual_cards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"booking_id" uuid NOT NULL,
	"provider" text NOT NULL,
	"provider_card_id" text NOT NULL,
	"last4" text NOT NULL,
	"exp_month" integer NOT NULL,
	"exp_year" integer NOT NULL,
	"limit_minor" bigint NOT NULL,
	"spent_minor" bigint DEFAULT 0 NOT NULL,
	"currency" text NOT NULL,
	"allowed_categories" text[] NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "virtual_cards_booking_id_unique" UNIQUE("booking_id"),
	CONSTRAINT "virtual_cards_provider_card_id_unique" UNIQUE("provider_card_id"),
	CONSTRAINT "virtual_cards_spend_ck" CHECK ("payment"."virtual_cards"."spent_minor" >= 0 and "payment"."virtual_cards"."spent_minor" <= "payment"."virtual_cards"."limit_minor")
);
--> statement-breakpoint
CREATE TABLE "payment"."webhook_events" (
	"id" text PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"outcome" text NOT NULL,
	"payload" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "payment"."payments" ADD COLUMN "captured_minor" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "payment"."payments" ADD COLUMN "refunded_minor" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "payment"."payments" ADD COLUMN "captured_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "card_transactions_card_idx" ON "payment"."card_transactions" USING btree ("card_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "reconciliation_flags_subject_kind_idx" ON "payment"."reconciliation_flags" USING btree ("subject_id","kind");--> statement-breakpoint
CREATE INDEX "reconciliation_flags_org_status_idx" ON "payment"."reconciliation_flags" USING btree ("org_id","status","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "refunds_org_quote_idx" ON "payment"."refunds" USING btree ("org_id","quote_id");--> statement-breakpoint
CREATE INDEX "refunds_payment_idx" ON "payment"."refunds" USING btree ("payment_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_booking_live_idx" ON "payment"."payments" USING btree ("booking_id") WHERE status in ('authorized', 'captured', 'refunded');--> statement-breakpoint
CREATE INDEX "payments_provider_payment_idx" ON "payment"."payments" USING btree ("provider_payment_id");--> statement-breakpoint
ALTER TABLE "payment"."payments" ADD CONSTRAINT "payments_amounts_ck" CHECK ("payment"."payments"."refunded_minor" >= 0 and "payment"."payments"."refunded_minor" <= "payment"."payments"."captured_minor" and "payment"."payments"."captured_minor" <= "payment"."payments"."amount_minor");