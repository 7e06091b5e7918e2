CREATE TABLE "outbound_envelopes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"exchange_id" uuid NOT NULL,
	"from_jurisdiction_code" text NOT NULL,
	"from_unit_id" uuid,
	"to_jurisdiction_code" text NOT NULL,
	"to_unit_id" uuid,
	"payload" jsonb NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"delivered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "information_request_counters" (
	"jurisdiction_code" text NOT NULL,
	"year" integer NOT NULL,
	"last" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "information_request_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"request_id" uuid NOT NULL,
	"type" text NOT NULL,
	"note" text,
	"actor_id" uuid,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "information_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"exchange_id" uuid NOT NULL,
	"side" text NOT NULL,
	"reference" text NOT NULL,
	"status" text NOT NULL,
	"from_jurisdiction_code" text NOT NULL,
	"from_unit_id" uuid NOT NULL,
	"from_unit_name" text,
	"to_jurisdiction_code" text NOT NULL,
	"to_unit_id" uuid,
	"to_unit_name" text,
	"holder_jurisdiction_code" text NOT NULL,
	"holder_unit_id" uuid NOT NULL,
	"urgency" text NOT NULL,
	"period" text NOT NULL,
	"sought" text NOT NULL,
	"purpose" text NOT NULL,
	"facts" text NOT NULL,
	"offence" text NOT NULL,
	"why_held" text NOT NULL,
	"person_link" text NOT NULL,
	"urgency_reasons" text,
	"restrictions" text,
	"handling_code" text NOT NULL,
	"evaluation" text NOT NULL,
	"language" text NOT NULL,
	"channel" text NOT NULL,
	"channel_reference" text,
	"case_id" uuid,
	"sent_at" timestamp with time zone,
	"received_at" timestamp with time zone,
	"due_at" timestamp with time zone,
	"delay_reason" text,
	"delay_expected_at" timestamp with time zone,
	"delay_at" timestamp with time zone,
	"answer_completeness" text,
	"answer_text" text,
	"answer_language" text,
	"answered_at" timestamp with time zone,
	"refusal_ground" text,
	"refusal_explanation" text,
	"refused_at" timestamp with time zone,
	"withdrawal_reason" text,
	"withdrawn_at" timestamp with time zone,
	"notices_sent" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "information_request_counters" ADD CONSTRAINT "information_request_counters_jurisdiction_code_jurisdictions_code_fk" FOREIGN KEY ("jurisdiction_code") REFERENCES "public"."jurisdictions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "information_request_events" ADD CONSTRAINT "information_request_events_request_id_information_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."information_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "information_request_events" ADD CONSTRAINT "information_request_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "information_requests" ADD CONSTRAINT "information_requests_from_jurisdiction_code_jurisdictions_code_fk" FOREIGN KEY ("from_jurisdiction_code") REFERENCES "public"."jurisdictions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "information_requests" ADD CONSTRAINT "information_requests_to_jurisdiction_code_jurisdictions_code_fk" FOREIGN KEY ("to_jurisdiction_code") REFERENCES "public"."jurisdictions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "information_requests" ADD CONSTRAINT "information_requests_holder_jurisdiction_code_jurisdictions_code_fk" FOREIGN KEY ("holder_jurisdiction_code") REFERENCES "public"."jurisdictions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "information_requests" ADD CONSTRAINT "information_requests_holder_unit_id_units_id_fk" FOREIGN KEY ("holder_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "information_requests" ADD CONSTRAINT "information_requests_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "outbound_envelopes_exchange_idx" ON "outbound_envelopes" USING btree ("exchange_id","sent_at");--> statement-breakpoint
CREATE UNIQUE INDEX "information_request_counters_key" ON "information_request_counters" USING btree ("jurisdiction_code","year");--> statement-breakpoint
CREATE INDEX "information_request_events_request_idx" ON "information_request_events" USING btree ("request_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "information_requests_exchange_side" ON "information_requests" USING btree ("exchange_id","side");--> statement-breakpoint
CREATE INDEX "information_requests_due_idx" ON "information_requests" USING btree ("side","status","due_at");--> statement-breakpoint
CREATE INDEX "information_requests_holder_idx" ON "information_requests" USING btree ("holder_jurisdiction_code","side","due_at");--> statement-breakpoint
CREATE INDEX "information_requests_unit_idx" ON "information_requests" USING btree ("holder_unit_id","side","due_at");