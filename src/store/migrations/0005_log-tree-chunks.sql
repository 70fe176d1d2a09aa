CREATE TABLE "log_tree_chunks" (
	"chunk" bigint PRIMARY KEY NOT NULL,
	"nodes" "bytea" NOT NULL
);
