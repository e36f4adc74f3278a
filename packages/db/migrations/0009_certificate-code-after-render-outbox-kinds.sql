ALTER TABLE "outbox_messages" DROP CONSTRAINT "outbox_messages_kind_check";--> statement-breakpoint
ALTER TABLE "certificates" ALTER COLUMN "verification_code_hash" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_stored_has_code_check" CHECK ("certificates"."object_key" is null or "certificates"."verification_code_hash" is not null);--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD CONSTRAINT "outbox_messages_kind_check" CHECK ("outbox_messages"."kind" in ('mail', 'certificate'));