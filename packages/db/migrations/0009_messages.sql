CREATE TABLE "message_attachments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"message_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "message_permission_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"exchange_id" uuid NOT NULL,
	"holder_jurisdiction_code" text NOT NULL,
	"side" text NOT NULL,
	"message_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"reason" text NOT NULL,
	"status" text NOT NULL,
	"note" text,
	"asked_by_unit_id" uuid NOT NULL,
	"asked_by_unit_name" text,
	"asked_by" uuid,
	"asked_at" timestamp with time zone NOT NULL,
	"answered_by" uuid,
	"answered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "message_threads" (
	"id" uuid PRIMARY KEY NOT NULL,
	"exchange_id" uuid NOT NULL,
	"holder_jurisdiction_code" text NOT NULL,
	"subject" text NOT NULL,
	"link_kind" text,
	"link_id" uuid,
	"link_reference" text,
	"created_at" timestamp with time zone NOT NULL,
	"last_message_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "messages" (
	"id" uuid PRIMARY KEY NOT NULL,
	"exchange_id" uuid NOT NULL,
	"thread_id" uuid NOT NULL,
	"holder_jurisdiction_code" text NOT NULL,
	"from_jurisdiction_code" text NOT NULL,
	"from_unit_id" uuid NOT NULL,
	"from_unit_name" text,
	"to_jurisdiction_code" text NOT NULL,
	"to_unit_id" uuid NOT NULL,
	"to_unit_name" text,
	"provider_jurisdiction_code" text NOT NULL,
	"provider_unit_id" uuid NOT NULL,
	"provider_unit_name" text,
	"forward_of_exchange_id" uuid,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"handling_code" text NOT NULL,
	"evaluation" text NOT NULL,
	"restrictions" text,
	"sent_by" uuid,
	"sent_at" timestamp with time zone NOT NULL,
	"read_at" timestamp with time zone,
	"read_by" uuid,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" uuid
);
--> statement-breakpoint
ALTER TABLE "message_attachments" ADD CONSTRAINT "message_attachments_message_id_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."messages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_permission_requests" ADD CONSTRAINT "message_permission_requests_holder_jurisdiction_code_jurisdictions_code_fk" FOREIGN KEY ("holder_jurisdiction_code") REFERENCES "public"."jurisdictions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_permission_requests" ADD CONSTRAINT "message_permission_requests_message_id_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."messages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_permission_requests" ADD CONSTRAINT "message_permission_requests_asked_by_users_id_fk" FOREIGN KEY ("asked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_permission_requests" ADD CONSTRAINT "message_permission_requests_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_threads" ADD CONSTRAINT "message_threads_holder_jurisdiction_code_jurisdictions_code_fk" FOREIGN KEY ("holder_jurisdiction_code") REFERENCES "public"."jurisdictions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_thread_id_message_threads_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."message_threads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_holder_jurisdiction_code_jurisdictions_code_fk" FOREIGN KEY ("holder_jurisdiction_code") REFERENCES "public"."jurisdictions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_sent_by_users_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "message_attachments_message_idx" ON "message_attachments" USING btree ("message_id");--> statement-breakpoint
CREATE UNIQUE INDEX "message_permission_requests_exchange_holder" ON "message_permission_requests" USING btree ("exchange_id","holder_jurisdiction_code");--> statement-breakpoint
CREATE INDEX "message_permission_requests_message_idx" ON "message_permission_requests" USING btree ("message_id");--> statement-breakpoint
CREATE UNIQUE INDEX "message_threads_exchange_holder" ON "message_threads" USING btree ("exchange_id","holder_jurisdiction_code");--> statement-breakpoint
CREATE UNIQUE INDEX "messages_exchange_holder" ON "messages" USING btree ("exchange_id","holder_jurisdiction_code");--> statement-breakpoint
CREATE INDEX "messages_thread_idx" ON "messages" USING btree ("thread_id","sent_at");--> statement-breakpoint
CREATE INDEX "messages_to_unit_idx" ON "messages" USING btree ("holder_jurisdiction_code","to_unit_id");--> statement-breakpoint
CREATE INDEX "messages_from_unit_idx" ON "messages" USING btree ("holder_jurisdiction_code","from_unit_id");