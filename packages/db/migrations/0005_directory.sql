CREATE TABLE "directory_entries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"jurisdiction_code" text NOT NULL,
	"function" text NOT NULL,
	"organisation" text NOT NULL,
	"contact_name" text,
	"languages" jsonb NOT NULL,
	"availability" jsonb NOT NULL,
	"channels" jsonb NOT NULL,
	"unit_id" uuid,
	"owner_unit_id" uuid NOT NULL,
	"search_key" text NOT NULL,
	"last_confirmed_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "directory_entries" ADD CONSTRAINT "directory_entries_jurisdiction_code_jurisdictions_code_fk" FOREIGN KEY ("jurisdiction_code") REFERENCES "public"."jurisdictions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_entries" ADD CONSTRAINT "directory_entries_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_entries" ADD CONSTRAINT "directory_entries_owner_unit_id_units_id_fk" FOREIGN KEY ("owner_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "directory_entries_jurisdiction_function_idx" ON "directory_entries" USING btree ("jurisdiction_code","function");--> statement-breakpoint
CREATE INDEX "directory_entries_function_idx" ON "directory_entries" USING btree ("function");--> statement-breakpoint
CREATE INDEX "directory_entries_confirmed_idx" ON "directory_entries" USING btree ("last_confirmed_at");--> statement-breakpoint
CREATE INDEX "directory_entries_languages_idx" ON "directory_entries" USING gin ("languages");