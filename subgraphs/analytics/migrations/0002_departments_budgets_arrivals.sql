CREATE TABLE "analytics"."department_budgets" (
	"org_id" uuid NOT NULL,
	"department" text NOT NULL,
	"period" text NOT NULL,
	"amount_minor" bigint NOT NULL,
	"currency" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by_id" uuid NOT NULL,
	CONSTRAINT "department_budgets_org_id_department_period_pk" PRIMARY KEY("org_id","department","period"),
	CONSTRAINT "department_budgets_amount_nonnegative" CHECK ("analytics"."department_budgets"."amount_minor" >= 0)
);
--> statement-breakpoint
ALTER TABLE "analytics"."booking_facts" ADD COLUMN "last_arrive_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "analytics"."booking_facts" ADD COLUMN "department" text;--> statement-breakpoint
ALTER TABLE "analytics"."segment_facts" ADD COLUMN "arrive_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "analytics"."segment_facts" ADD COLUMN "amount_minor" bigint;--> statement-breakpoint
CREATE INDEX "booking_facts_org_department_idx" ON "analytics"."booking_facts" USING btree ("org_id","department","confirmed_at");