CREATE TABLE "erasures" (
	"id" text PRIMARY KEY NOT NULL,
	"campaign_id" text NOT NULL,
	"participant_id" text NOT NULL,
	"researcher_id" text NOT NULL,
	"reason" text NOT NULL,
	"openings" integer NOT NULL,
	"entry_index" bigint NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "erasures_participant_id_unique" UNIQUE("participant_id")
);
--> statement-breakpoint
CREATE TABLE "log_checkpoints" (
	"size" bigint PRIMARY KEY NOT NULL,
	"root" "bytea" NOT NULL,
	"note" text NOT NULL,
	"signed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "log_entries" (
	"index" bigint PRIMARY KEY NOT NULL,
	"leaf" "bytea" NOT NULL,
	"leaf_hash" "bytea" NOT NULL,
	"kind" text NOT NULL,
	"campaign_id" text,
	"time" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "log_head" (
	"id" integer PRIMARY KEY NOT NULL,
	"size" bigint NOT NULL,
	CONSTRAINT "log_head_one_row" CHECK ("log_head"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "log_openings" (
	"entry_index" bigint PRIMARY KEY NOT NULL,
	"participant_id" text,
	"salt" "bytea" NOT NULL,
	"content" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "participant_keys" (
	"participant_id" text PRIMARY KEY NOT NULL,
	"campaign_id" text NOT NULL,
	"public_key" text NOT NULL,
	"private_key" "bytea",
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "participant_keys_public_key_unique" UNIQUE("public_key")
);
--> statement-breakpoint
ALTER TABLE "erasures" ADD CONSTRAINT "erasures_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "erasures" ADD CONSTRAINT "erasures_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "log_openings" ADD CONSTRAINT "log_openings_entry_index_log_entries_index_fk" FOREIGN KEY ("entry_index") REFERENCES "public"."log_entries"("index") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "log_openings" ADD CONSTRAINT "log_openings_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participant_keys" ADD CONSTRAINT "participant_keys_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participant_keys" ADD CONSTRAINT "participant_keys_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "log_entries_leaf_hash" ON "log_entries" USING btree ("leaf_hash");--> statement-breakpoint
CREATE INDEX "log_entries_campaign" ON "log_entries" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "log_openings_participant" ON "log_openings" USING btree ("participant_id");