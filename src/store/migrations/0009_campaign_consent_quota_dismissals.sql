CREATE TABLE "merge_dismissals" (
	"campaign_id" text NOT NULL,
	"first_id" text NOT NULL,
	"second_id" text NOT NULL,
	"dismissed_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "merge_dismissals_campaign_id_first_id_second_id_pk" PRIMARY KEY("campaign_id","first_id","second_id")
);
--> statement-breakpoint
CREATE TABLE "moral_graph_settings" (
	"campaign_id" text PRIMARY KEY NOT NULL,
	"judging_quota" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "consent_details" jsonb DEFAULT '{"organiser":"","contact":"","minutes":null,"erasure":""}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "merge_dismissals" ADD CONSTRAINT "merge_dismissals_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "merge_dismissals" ADD CONSTRAINT "merge_dismissals_first_id_canonical_cards_id_fk" FOREIGN KEY ("first_id") REFERENCES "public"."canonical_cards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "merge_dismissals" ADD CONSTRAINT "merge_dismissals_second_id_canonical_cards_id_fk" FOREIGN KEY ("second_id") REFERENCES "public"."canonical_cards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "moral_graph_settings" ADD CONSTRAINT "moral_graph_settings_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;