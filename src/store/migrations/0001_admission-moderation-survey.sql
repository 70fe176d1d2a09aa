CREATE TABLE "allowlist" (
	"campaign_id" text NOT NULL,
	"external_id" text NOT NULL,
	CONSTRAINT "allowlist_campaign_id_external_id_pk" PRIMARY KEY("campaign_id","external_id")
);
--> statement-breakpoint
CREATE TABLE "invites" (
	"code_hash" text PRIMARY KEY NOT NULL,
	"campaign_id" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"participant_id" text
);
--> statement-breakpoint
CREATE TABLE "progress_events" (
	"participant_id" text NOT NULL,
	"campaign_id" text NOT NULL,
	"step" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "progress_events_participant_id_step_pk" PRIMARY KEY("participant_id","step")
);
--> statement-breakpoint
CREATE TABLE "survey_answers" (
	"participant_id" text PRIMARY KEY NOT NULL,
	"campaign_id" text NOT NULL,
	"represented" integer NOT NULL,
	"fair" integer NOT NULL,
	"comment" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "admission" jsonb DEFAULT '{"mode":"open"}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "results_visibility" text DEFAULT 'public' NOT NULL;--> statement-breakpoint
ALTER TABLE "canonical_cards" ADD COLUMN "hidden_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "canonical_cards" ADD COLUMN "hidden_reason" text;--> statement-breakpoint
ALTER TABLE "stories" ADD COLUMN "hidden_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "stories" ADD COLUMN "hidden_reason" text;--> statement-breakpoint
ALTER TABLE "values_cards" ADD COLUMN "hidden_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "values_cards" ADD COLUMN "hidden_reason" text;--> statement-breakpoint
ALTER TABLE "votes" ADD COLUMN "hidden_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "votes" ADD COLUMN "hidden_reason" text;--> statement-breakpoint
ALTER TABLE "allowlist" ADD CONSTRAINT "allowlist_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invites" ADD CONSTRAINT "invites_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invites" ADD CONSTRAINT "invites_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_events" ADD CONSTRAINT "progress_events_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_events" ADD CONSTRAINT "progress_events_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_answers" ADD CONSTRAINT "survey_answers_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_answers" ADD CONSTRAINT "survey_answers_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "invites_campaign" ON "invites" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "progress_events_campaign" ON "progress_events" USING btree ("campaign_id");