CREATE TABLE "behaviour_tags" (
	"id" text PRIMARY KEY NOT NULL,
	"campaign_id" text NOT NULL,
	"behaviour_id" text NOT NULL,
	"participant_id" text,
	"tag" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "behaviours" (
	"id" text PRIMARY KEY NOT NULL,
	"campaign_id" text NOT NULL,
	"scenario_id" text NOT NULL,
	"participant_id" text,
	"origin" text NOT NULL,
	"position" integer NOT NULL,
	"synthetic" jsonb,
	"description" text NOT NULL,
	"thoughts" text,
	"target_score" double precision,
	"created_at" timestamp with time zone NOT NULL,
	"hidden_at" timestamp with time zone,
	"hidden_reason" text
);
--> statement-breakpoint
CREATE TABLE "scenario_rankings" (
	"id" text PRIMARY KEY NOT NULL,
	"campaign_id" text NOT NULL,
	"scenario_id" text NOT NULL,
	"participant_id" text NOT NULL,
	"tiers" jsonb NOT NULL,
	"acceptable" integer,
	"skipped" boolean NOT NULL,
	"display_order" jsonb NOT NULL,
	"duration_ms" integer,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"hidden_at" timestamp with time zone,
	"hidden_reason" text
);
--> statement-breakpoint
CREATE TABLE "scenario_rationales" (
	"id" text PRIMARY KEY NOT NULL,
	"campaign_id" text NOT NULL,
	"scenario_id" text NOT NULL,
	"behaviour_id" text,
	"participant_id" text NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"hidden_at" timestamp with time zone,
	"hidden_reason" text
);
--> statement-breakpoint
CREATE TABLE "scenario_settings" (
	"campaign_id" text PRIMARY KEY NOT NULL,
	"taxonomy" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scenarios" (
	"id" text PRIMARY KEY NOT NULL,
	"campaign_id" text NOT NULL,
	"position" integer NOT NULL,
	"situation" text NOT NULL,
	"request" text NOT NULL,
	"capabilities" text NOT NULL,
	"context" text,
	"gold" jsonb,
	"external_ref" text,
	"created_at" timestamp with time zone NOT NULL,
	"hidden_at" timestamp with time zone,
	"hidden_reason" text
);
--> statement-breakpoint
ALTER TABLE "behaviour_tags" ADD CONSTRAINT "behaviour_tags_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "behaviour_tags" ADD CONSTRAINT "behaviour_tags_behaviour_id_behaviours_id_fk" FOREIGN KEY ("behaviour_id") REFERENCES "public"."behaviours"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "behaviour_tags" ADD CONSTRAINT "behaviour_tags_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "behaviours" ADD CONSTRAINT "behaviours_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "behaviours" ADD CONSTRAINT "behaviours_scenario_id_scenarios_id_fk" FOREIGN KEY ("scenario_id") REFERENCES "public"."scenarios"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "behaviours" ADD CONSTRAINT "behaviours_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scenario_rankings" ADD CONSTRAINT "scenario_rankings_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scenario_rankings" ADD CONSTRAINT "scenario_rankings_scenario_id_scenarios_id_fk" FOREIGN KEY ("scenario_id") REFERENCES "public"."scenarios"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scenario_rankings" ADD CONSTRAINT "scenario_rankings_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scenario_rationales" ADD CONSTRAINT "scenario_rationales_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scenario_rationales" ADD CONSTRAINT "scenario_rationales_scenario_id_scenarios_id_fk" FOREIGN KEY ("scenario_id") REFERENCES "public"."scenarios"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scenario_rationales" ADD CONSTRAINT "scenario_rationales_behaviour_id_behaviours_id_fk" FOREIGN KEY ("behaviour_id") REFERENCES "public"."behaviours"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scenario_rationales" ADD CONSTRAINT "scenario_rationales_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scenario_settings" ADD CONSTRAINT "scenario_settings_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scenarios" ADD CONSTRAINT "scenarios_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "behaviour_tags_one" ON "behaviour_tags" USING btree ("behaviour_id","participant_id","tag");--> statement-breakpoint
CREATE INDEX "behaviour_tags_campaign" ON "behaviour_tags" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "behaviours_scenario" ON "behaviours" USING btree ("scenario_id");--> statement-breakpoint
CREATE INDEX "behaviours_campaign" ON "behaviours" USING btree ("campaign_id");--> statement-breakpoint
CREATE UNIQUE INDEX "scenario_rankings_one" ON "scenario_rankings" USING btree ("scenario_id","participant_id");--> statement-breakpoint
CREATE INDEX "scenario_rankings_campaign" ON "scenario_rankings" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "scenario_rationales_campaign" ON "scenario_rationales" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "scenarios_campaign" ON "scenarios" USING btree ("campaign_id","position");