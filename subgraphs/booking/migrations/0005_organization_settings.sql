CREATE TABLE "booking"."organization_settings" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"auto_rebook" boolean NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
