ALTER TABLE "information_requests" ADD COLUMN "spoc_copy_exception" text;--> statement-breakpoint
ALTER TABLE "information_requests" ADD COLUMN "spoc_copy_reason" text;--> statement-breakpoint
ALTER TABLE "information_requests" ADD COLUMN "first_answered_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "information_requests" ADD COLUMN "answers" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "information_requests" ADD COLUMN "next_notice_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "information_requests_next_notice_idx" ON "information_requests" USING btree ("next_notice_at");--> statement-breakpoint
-- Requests answered before follow-up answers existed: their one answer is the first and only one.
UPDATE "information_requests" SET "first_answered_at" = "answered_at", "answers" = jsonb_build_array(jsonb_build_object('completeness', "answer_completeness", 'text', "answer_text", 'language', "answer_language", 'at', to_char("answered_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))) WHERE "answered_at" IS NOT NULL;--> statement-breakpoint
-- Open requests received before the sweep had its index: the moment of their next notice.
UPDATE "information_requests" SET "next_notice_at" = "received_at" + ("due_at" - "received_at") * (CASE jsonb_array_length("notices_sent") WHEN 0 THEN 0.5 WHEN 1 THEN 0.8 ELSE 1 END) WHERE "side" = 'requested' AND "status" IN ('sent', 'received', 'in_progress') AND "received_at" IS NOT NULL AND "due_at" IS NOT NULL AND jsonb_array_length("notices_sent") < 3;
