CREATE TABLE "call_records" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"import_id" uuid NOT NULL,
	"caller_entity_id" uuid NOT NULL,
	"callee_entity_id" uuid NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"duration_seconds" integer NOT NULL,
	"cell" text
);
--> statement-breakpoint
CREATE TABLE "case_imports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"format" text NOT NULL,
	"file_name" text NOT NULL,
	"status" text NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"processed" integer DEFAULT 0 NOT NULL,
	"imported" integer DEFAULT 0 NOT NULL,
	"rejected" integer DEFAULT 0 NOT NULL,
	"suggestions" integer DEFAULT 0 NOT NULL,
	"report" jsonb NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "entity_edges" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"source_id" uuid NOT NULL,
	"target_id" uuid NOT NULL,
	"relationship_id" uuid,
	"label" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "entity_merges" (
	"id" uuid PRIMARY KEY NOT NULL,
	"canonical_id" uuid NOT NULL,
	"entity_id" uuid NOT NULL,
	"suggestion_id" uuid,
	"merged_by" uuid NOT NULL,
	"merged_at" timestamp with time zone DEFAULT now() NOT NULL,
	"split_by" uuid,
	"split_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "linkage_hits" (
	"id" uuid PRIMARY KEY NOT NULL,
	"query_entity_id" uuid NOT NULL,
	"hit_entity_id" uuid NOT NULL,
	"requested_by" uuid NOT NULL,
	"score" integer NOT NULL,
	"status" text DEFAULT 'notified' NOT NULL,
	"request_reason" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "match_keys" (
	"key" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	CONSTRAINT "match_keys_key_entity_id_pk" PRIMARY KEY("key","entity_id")
);
--> statement-breakpoint
CREATE TABLE "saved_charts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"name" text NOT NULL,
	"state" jsonb NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid,
	"unit_id" uuid,
	"kind" text NOT NULL,
	"payload" jsonb NOT NULL,
	"link" text,
	"dedupe_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "person_consents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"recipient" text NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"scope" jsonb NOT NULL,
	"given_by" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "persons" (
	"id" uuid PRIMARY KEY NOT NULL,
	"reference" text NOT NULL,
	"jurisdiction_code" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"category" text NOT NULL,
	"category_kind" text NOT NULL,
	"sex" text DEFAULT 'unknown' NOT NULL,
	"age_group" text DEFAULT 'unknown' NOT NULL,
	"nationality" text,
	"preferred_language" text,
	"identity" text NOT NULL,
	"guardian_appointed" boolean DEFAULT false NOT NULL,
	"review_due_at" timestamp with time zone NOT NULL,
	"retain_until" timestamp with time zone NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referral_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"referral_id" uuid NOT NULL,
	"type" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"note" text,
	"actor_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referrals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"reference" text NOT NULL,
	"person_id" uuid NOT NULL,
	"screening_id" uuid,
	"kind" text NOT NULL,
	"service" text NOT NULL,
	"provider_id" uuid,
	"to_jurisdiction_code" text,
	"procedure" text,
	"from_jurisdiction_code" text NOT NULL,
	"from_unit_id" uuid NOT NULL,
	"status" text NOT NULL,
	"decline_reason" text,
	"close_reason" text,
	"urgent" boolean DEFAULT false NOT NULL,
	"shared_scope" jsonb NOT NULL,
	"message" text,
	"reflection_starts_at" timestamp with time zone,
	"reflection_ends_at" timestamp with time zone,
	"acknowledge_by" timestamp with time zone,
	"acknowledged_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "screenings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"client_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"person_id" uuid,
	"parent_id" uuid,
	"instrument_id" text NOT NULL,
	"instrument_version" integer NOT NULL,
	"stage" text NOT NULL,
	"jurisdiction_code" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"screened_by" uuid NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"setting" text NOT NULL,
	"place" text NOT NULL,
	"interview_language" text NOT NULL,
	"interpreter_language" text,
	"narrative" text,
	"age" integer,
	"age_in_doubt" boolean DEFAULT false NOT NULL,
	"answers" jsonb NOT NULL,
	"outcome" text NOT NULL,
	"rule" text NOT NULL,
	"reasons" jsonb NOT NULL,
	"child_rule" boolean NOT NULL,
	"non_punishment_alert" boolean NOT NULL,
	"exploitation_types" jsonb NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"field_revisions" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_providers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"jurisdiction_code" text NOT NULL,
	"agency_id" uuid,
	"name" text NOT NULL,
	"services" jsonb NOT NULL,
	"capacity" integer,
	"available" integer,
	"languages" jsonb NOT NULL,
	"opening_hours" text NOT NULL,
	"open_24h" boolean DEFAULT false NOT NULL,
	"accepts_children" boolean DEFAULT false NOT NULL,
	"city" text NOT NULL,
	"phone" text,
	"email" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "match_suggestions" ADD COLUMN "decided_by" uuid;--> statement-breakpoint
ALTER TABLE "match_suggestions" ADD COLUMN "decided_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "match_suggestions" ADD COLUMN "decision_note" text;--> statement-breakpoint
ALTER TABLE "call_records" ADD CONSTRAINT "call_records_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_records" ADD CONSTRAINT "call_records_caller_entity_id_entities_id_fk" FOREIGN KEY ("caller_entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_records" ADD CONSTRAINT "call_records_callee_entity_id_entities_id_fk" FOREIGN KEY ("callee_entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_imports" ADD CONSTRAINT "case_imports_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_imports" ADD CONSTRAINT "case_imports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entity_edges" ADD CONSTRAINT "entity_edges_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entity_edges" ADD CONSTRAINT "entity_edges_source_id_entities_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entity_edges" ADD CONSTRAINT "entity_edges_target_id_entities_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entity_edges" ADD CONSTRAINT "entity_edges_relationship_id_entities_id_fk" FOREIGN KEY ("relationship_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entity_merges" ADD CONSTRAINT "entity_merges_canonical_id_entities_id_fk" FOREIGN KEY ("canonical_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entity_merges" ADD CONSTRAINT "entity_merges_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entity_merges" ADD CONSTRAINT "entity_merges_suggestion_id_match_suggestions_id_fk" FOREIGN KEY ("suggestion_id") REFERENCES "public"."match_suggestions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entity_merges" ADD CONSTRAINT "entity_merges_merged_by_users_id_fk" FOREIGN KEY ("merged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entity_merges" ADD CONSTRAINT "entity_merges_split_by_users_id_fk" FOREIGN KEY ("split_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "linkage_hits" ADD CONSTRAINT "linkage_hits_query_entity_id_entities_id_fk" FOREIGN KEY ("query_entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "linkage_hits" ADD CONSTRAINT "linkage_hits_hit_entity_id_entities_id_fk" FOREIGN KEY ("hit_entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "linkage_hits" ADD CONSTRAINT "linkage_hits_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "linkage_hits" ADD CONSTRAINT "linkage_hits_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_keys" ADD CONSTRAINT "match_keys_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_keys" ADD CONSTRAINT "match_keys_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_charts" ADD CONSTRAINT "saved_charts_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_charts" ADD CONSTRAINT "saved_charts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_consents" ADD CONSTRAINT "person_consents_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_consents" ADD CONSTRAINT "person_consents_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persons" ADD CONSTRAINT "persons_jurisdiction_code_jurisdictions_code_fk" FOREIGN KEY ("jurisdiction_code") REFERENCES "public"."jurisdictions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persons" ADD CONSTRAINT "persons_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persons" ADD CONSTRAINT "persons_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_events" ADD CONSTRAINT "referral_events_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_events" ADD CONSTRAINT "referral_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_screening_id_screenings_id_fk" FOREIGN KEY ("screening_id") REFERENCES "public"."screenings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_provider_id_service_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."service_providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_to_jurisdiction_code_jurisdictions_code_fk" FOREIGN KEY ("to_jurisdiction_code") REFERENCES "public"."jurisdictions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_from_jurisdiction_code_jurisdictions_code_fk" FOREIGN KEY ("from_jurisdiction_code") REFERENCES "public"."jurisdictions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_from_unit_id_units_id_fk" FOREIGN KEY ("from_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screenings" ADD CONSTRAINT "screenings_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screenings" ADD CONSTRAINT "screenings_jurisdiction_code_jurisdictions_code_fk" FOREIGN KEY ("jurisdiction_code") REFERENCES "public"."jurisdictions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screenings" ADD CONSTRAINT "screenings_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screenings" ADD CONSTRAINT "screenings_screened_by_users_id_fk" FOREIGN KEY ("screened_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_providers" ADD CONSTRAINT "service_providers_jurisdiction_code_jurisdictions_code_fk" FOREIGN KEY ("jurisdiction_code") REFERENCES "public"."jurisdictions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_providers" ADD CONSTRAINT "service_providers_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "call_records_case_idx" ON "call_records" USING btree ("case_id","started_at");--> statement-breakpoint
CREATE INDEX "call_records_caller_idx" ON "call_records" USING btree ("caller_entity_id");--> statement-breakpoint
CREATE INDEX "call_records_callee_idx" ON "call_records" USING btree ("callee_entity_id");--> statement-breakpoint
CREATE INDEX "case_imports_case_idx" ON "case_imports" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE INDEX "entity_edges_source_idx" ON "entity_edges" USING btree ("source_id");--> statement-breakpoint
CREATE INDEX "entity_edges_target_idx" ON "entity_edges" USING btree ("target_id");--> statement-breakpoint
CREATE INDEX "entity_edges_case_idx" ON "entity_edges" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "entity_merges_canonical_idx" ON "entity_merges" USING btree ("canonical_id");--> statement-breakpoint
CREATE INDEX "entity_merges_entity_idx" ON "entity_merges" USING btree ("entity_id");--> statement-breakpoint
CREATE UNIQUE INDEX "linkage_hits_pair_key" ON "linkage_hits" USING btree ("query_entity_id","hit_entity_id");--> statement-breakpoint
CREATE INDEX "linkage_hits_hit_idx" ON "linkage_hits" USING btree ("hit_entity_id");--> statement-breakpoint
CREATE INDEX "match_keys_entity_idx" ON "match_keys" USING btree ("entity_id");--> statement-breakpoint
CREATE INDEX "saved_charts_case_idx" ON "saved_charts" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "notifications_unit_idx" ON "notifications" USING btree ("unit_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_dedupe_key" ON "notifications" USING btree ("dedupe_key");--> statement-breakpoint
CREATE UNIQUE INDEX "person_consents_version_key" ON "person_consents" USING btree ("person_id","purpose","recipient","version");--> statement-breakpoint
CREATE UNIQUE INDEX "persons_reference_key" ON "persons" USING btree ("reference");--> statement-breakpoint
CREATE INDEX "persons_jurisdiction_idx" ON "persons" USING btree ("jurisdiction_code");--> statement-breakpoint
CREATE INDEX "persons_unit_idx" ON "persons" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "referral_events_referral_idx" ON "referral_events" USING btree ("referral_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "referrals_reference_key" ON "referrals" USING btree ("reference");--> statement-breakpoint
CREATE INDEX "referrals_person_idx" ON "referrals" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "referrals_provider_idx" ON "referrals" USING btree ("provider_id","status");--> statement-breakpoint
CREATE INDEX "referrals_to_jurisdiction_idx" ON "referrals" USING btree ("to_jurisdiction_code","status");--> statement-breakpoint
CREATE INDEX "referrals_from_jurisdiction_idx" ON "referrals" USING btree ("from_jurisdiction_code","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "screenings_client_key" ON "screenings" USING btree ("client_id");--> statement-breakpoint
CREATE UNIQUE INDEX "screenings_reference_key" ON "screenings" USING btree ("reference");--> statement-breakpoint
CREATE INDEX "screenings_unit_idx" ON "screenings" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "screenings_jurisdiction_idx" ON "screenings" USING btree ("jurisdiction_code","occurred_at");--> statement-breakpoint
CREATE INDEX "screenings_person_idx" ON "screenings" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "service_providers_jurisdiction_idx" ON "service_providers" USING btree ("jurisdiction_code");--> statement-breakpoint
ALTER TABLE "match_suggestions" ADD CONSTRAINT "match_suggestions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
-- A referral's timeline and a person's consent history are evidence: rows are added, never changed.
CREATE OR REPLACE FUNCTION veza_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER referral_events_append_only
  BEFORE UPDATE OR DELETE ON referral_events
  FOR EACH ROW EXECUTE FUNCTION veza_refuse_change();
--> statement-breakpoint
CREATE TRIGGER person_consents_append_only
  BEFORE UPDATE OR DELETE ON person_consents
  FOR EACH ROW EXECUTE FUNCTION veza_refuse_change();
