ALTER TABLE "information_requests" ADD COLUMN "spoc_copy_exception" text;--> statement-breakpoint
ALTER TABLE "information_requests" ADD COLUMN "spoc_copy_reason" text;--> statement-breakpoint
ALTER TABLE "information_requests" ADD COLUMN "first_answered_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "information_requests" ADD COLUMN "answers" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
-- Requests answered before follow-up answers existed: their one answer is the first and only one.
UPDATE "information_requests" SET "first_answered_at" = "answered_at", "answers" = jsonb_build_array(jsonb_build_object('completeness', "answer_completeness", 'text', "answer_text", 'language', "answer_language", 'at', to_char("answered_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))) WHERE "answered_at" IS NOT NULL;
