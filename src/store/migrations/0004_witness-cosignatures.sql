CREATE TABLE "log_cosignatures" (
	"checkpoint_size" bigint NOT NULL,
	"witness" text NOT NULL,
	"key_id" bigint NOT NULL,
	"signature" "bytea" NOT NULL,
	"cosigned_at" bigint NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "log_cosignatures_checkpoint_size_witness_key_id_pk" PRIMARY KEY("checkpoint_size","witness","key_id")
);
--> statement-breakpoint
ALTER TABLE "log_cosignatures" ADD CONSTRAINT "log_cosignatures_checkpoint_size_log_checkpoints_size_fk" FOREIGN KEY ("checkpoint_size") REFERENCES "public"."log_checkpoints"("size") ON DELETE no action ON UPDATE no action;