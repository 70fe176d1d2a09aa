CREATE TABLE "articulation_chats" (
	"id" text PRIMARY KEY NOT NULL,
	"campaign_id" text NOT NULL,
	"participant_id" text NOT NULL,
	"question_id" text NOT NULL,
	"messages" jsonb NOT NULL,
	"draft" jsonb,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"consent" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"demographics" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"source" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "campaigns_source_unique" UNIQUE("source")
);
--> statement-breakpoint
CREATE TABLE "canonical_cards" (
	"id" text PRIMARY KEY NOT NULL,
	"campaign_id" text NOT NULL,
	"question_id" text,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"policies" jsonb NOT NULL,
	"merged_into" text,
	"external_ref" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "card_endorsements" (
	"id" text PRIMARY KEY NOT NULL,
	"campaign_id" text NOT NULL,
	"participant_id" text NOT NULL,
	"canonical_id" text NOT NULL,
	"question_id" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contexts" (
	"id" text PRIMARY KEY NOT NULL,
	"campaign_id" text NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "merges" (
	"id" text PRIMARY KEY NOT NULL,
	"campaign_id" text NOT NULL,
	"into_id" text NOT NULL,
	"from_ids" jsonb NOT NULL,
	"reason" text NOT NULL,
	"merged_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"undone_at" timestamp with time zone,
	"undone_by" text,
	"undo_reason" text
);
--> statement-breakpoint
CREATE TABLE "participant_answers" (
	"participant_id" text NOT NULL,
	"key" text NOT NULL,
	"value" text NOT NULL,
	CONSTRAINT "participant_answers_participant_id_key_pk" PRIMARY KEY("participant_id","key")
);
--> statement-breakpoint
CREATE TABLE "participant_identities" (
	"participant_id" text NOT NULL,
	"campaign_id" text NOT NULL,
	"external_id" text NOT NULL,
	CONSTRAINT "participant_identities_participant_id_pk" PRIMARY KEY("participant_id")
);
--> statement-breakpoint
CREATE TABLE "participants" (
	"id" text PRIMARY KEY NOT NULL,
	"campaign_id" text NOT NULL,
	"session_token_hash" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "participants_session_token_hash_unique" UNIQUE("session_token_hash")
);
--> statement-breakpoint
CREATE TABLE "questions" (
	"id" text PRIMARY KEY NOT NULL,
	"campaign_id" text NOT NULL,
	"position" integer NOT NULL,
	"text" text NOT NULL,
	"external_ref" text
);
--> statement-breakpoint
CREATE TABLE "researcher_tokens" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "researcher_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "stories" (
	"id" text PRIMARY KEY NOT NULL,
	"campaign_id" text NOT NULL,
	"from_id" text NOT NULL,
	"to_id" text NOT NULL,
	"context_id" text NOT NULL,
	"text" text NOT NULL,
	"source" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "values_cards" (
	"id" text PRIMARY KEY NOT NULL,
	"campaign_id" text NOT NULL,
	"question_id" text,
	"participant_id" text,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"policies" jsonb NOT NULL,
	"canonical_id" text,
	"external_ref" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "votes" (
	"id" text PRIMARY KEY NOT NULL,
	"campaign_id" text NOT NULL,
	"participant_id" text NOT NULL,
	"from_id" text NOT NULL,
	"to_id" text NOT NULL,
	"context_id" text NOT NULL,
	"story_id" text,
	"relationship" text NOT NULL,
	"comment" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "articulation_chats" ADD CONSTRAINT "articulation_chats_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "articulation_chats" ADD CONSTRAINT "articulation_chats_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "articulation_chats" ADD CONSTRAINT "articulation_chats_question_id_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."questions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "canonical_cards" ADD CONSTRAINT "canonical_cards_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "canonical_cards" ADD CONSTRAINT "canonical_cards_question_id_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."questions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "card_endorsements" ADD CONSTRAINT "card_endorsements_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "card_endorsements" ADD CONSTRAINT "card_endorsements_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "card_endorsements" ADD CONSTRAINT "card_endorsements_canonical_id_canonical_cards_id_fk" FOREIGN KEY ("canonical_id") REFERENCES "public"."canonical_cards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "card_endorsements" ADD CONSTRAINT "card_endorsements_question_id_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."questions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contexts" ADD CONSTRAINT "contexts_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "merges" ADD CONSTRAINT "merges_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "merges" ADD CONSTRAINT "merges_into_id_canonical_cards_id_fk" FOREIGN KEY ("into_id") REFERENCES "public"."canonical_cards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participant_answers" ADD CONSTRAINT "participant_answers_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participant_identities" ADD CONSTRAINT "participant_identities_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participant_identities" ADD CONSTRAINT "participant_identities_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participants" ADD CONSTRAINT "participants_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questions" ADD CONSTRAINT "questions_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stories" ADD CONSTRAINT "stories_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stories" ADD CONSTRAINT "stories_from_id_canonical_cards_id_fk" FOREIGN KEY ("from_id") REFERENCES "public"."canonical_cards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stories" ADD CONSTRAINT "stories_to_id_canonical_cards_id_fk" FOREIGN KEY ("to_id") REFERENCES "public"."canonical_cards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stories" ADD CONSTRAINT "stories_context_id_contexts_id_fk" FOREIGN KEY ("context_id") REFERENCES "public"."contexts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "values_cards" ADD CONSTRAINT "values_cards_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "values_cards" ADD CONSTRAINT "values_cards_question_id_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."questions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "values_cards" ADD CONSTRAINT "values_cards_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "values_cards" ADD CONSTRAINT "values_cards_canonical_id_canonical_cards_id_fk" FOREIGN KEY ("canonical_id") REFERENCES "public"."canonical_cards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "votes" ADD CONSTRAINT "votes_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "votes" ADD CONSTRAINT "votes_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "votes" ADD CONSTRAINT "votes_from_id_canonical_cards_id_fk" FOREIGN KEY ("from_id") REFERENCES "public"."canonical_cards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "votes" ADD CONSTRAINT "votes_to_id_canonical_cards_id_fk" FOREIGN KEY ("to_id") REFERENCES "public"."canonical_cards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "votes" ADD CONSTRAINT "votes_context_id_contexts_id_fk" FOREIGN KEY ("context_id") REFERENCES "public"."contexts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "votes" ADD CONSTRAINT "votes_story_id_stories_id_fk" FOREIGN KEY ("story_id") REFERENCES "public"."stories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "canonical_cards_campaign" ON "canonical_cards" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "card_endorsements_campaign" ON "card_endorsements" USING btree ("campaign_id");--> statement-breakpoint
CREATE UNIQUE INDEX "contexts_campaign_name" ON "contexts" USING btree ("campaign_id","name");--> statement-breakpoint
CREATE INDEX "merges_campaign" ON "merges" USING btree ("campaign_id");--> statement-breakpoint
CREATE UNIQUE INDEX "participant_identities_external" ON "participant_identities" USING btree ("campaign_id","external_id");--> statement-breakpoint
CREATE INDEX "participants_campaign" ON "participants" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "questions_campaign" ON "questions" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "stories_campaign" ON "stories" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "values_cards_campaign" ON "values_cards" USING btree ("campaign_id");--> statement-breakpoint
CREATE UNIQUE INDEX "votes_key" ON "votes" USING btree ("participant_id","from_id","to_id","context_id");--> statement-breakpoint
CREATE INDEX "votes_campaign" ON "votes" USING btree ("campaign_id");