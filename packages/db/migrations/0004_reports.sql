-- Yearly reports and their review: the reports, their submitted and approved copies, their events,
-- entry exceptions, and notifications with what each account has read. Reports are no reference data:
-- they leave reference_version alone (no triggers), and nothing here touches the audit log.
CREATE TABLE `notification_reads` (
	`user_id` integer NOT NULL,
	`key` text NOT NULL,
	`read_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `key`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "notification_reads_key_shape" CHECK("notification_reads"."key" GLOB 'n:[0-9]*' OR "notification_reads"."key" GLOB 'due:[0-9]*:[0-9]*' OR "notification_reads"."key" GLOB 'overdue:[0-9]*:[0-9]*')
);
--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`task_force_id` integer NOT NULL,
	`kind` text NOT NULL,
	`report_id` integer NOT NULL,
	`period_key` text NOT NULL,
	`reason` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`task_force_id`) REFERENCES `task_forces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "notifications_kind_values" CHECK("notifications"."kind" IN ('submitted', 'returned', 'approved', 'reopened'))
);
--> statement-breakpoint
CREATE INDEX `notifications_task_force_idx` ON `notifications` (`task_force_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `report_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`report_id` integer NOT NULL,
	`action` text NOT NULL,
	`from_status` text,
	`to_status` text NOT NULL,
	`actor_user_id` integer,
	`at` integer NOT NULL,
	`local_time` text NOT NULL,
	`reason` text,
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "report_events_action_values" CHECK("report_events"."action" IN ('create', 'submit', 'approve', 'return', 'reopen')),
	CONSTRAINT "report_events_from_values" CHECK("report_events"."from_status" IN ('draft', 'submitted', 'returned', 'approved', 'reopened')),
	CONSTRAINT "report_events_to_values" CHECK("report_events"."to_status" IN ('draft', 'submitted', 'returned', 'approved', 'reopened'))
);
--> statement-breakpoint
CREATE INDEX `report_events_report_idx` ON `report_events` (`report_id`,`id`);--> statement-breakpoint
CREATE TABLE `report_exceptions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`task_force_id` integer NOT NULL,
	`period_key` text NOT NULL,
	`until` text NOT NULL,
	`reason` text NOT NULL,
	`granted_by` integer,
	`granted_at` integer NOT NULL,
	`revoked_at` integer,
	`revoked_by` integer,
	FOREIGN KEY (`task_force_id`) REFERENCES `task_forces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`granted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`revoked_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "report_exceptions_period_key_shape" CHECK("report_exceptions"."period_key" GLOB '[0-9][0-9][0-9][0-9]' OR "report_exceptions"."period_key" GLOB '[0-9][0-9][0-9][0-9]-S[12]'),
	CONSTRAINT "report_exceptions_until_shape" CHECK("report_exceptions"."until" GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
	CONSTRAINT "report_exceptions_revoked_shape" CHECK("report_exceptions"."revoked_by" IS NULL OR "report_exceptions"."revoked_at" IS NOT NULL)
);
--> statement-breakpoint
CREATE INDEX `report_exceptions_task_force_idx` ON `report_exceptions` (`task_force_id`,`period_key`);--> statement-breakpoint
CREATE INDEX `report_exceptions_period_idx` ON `report_exceptions` (`period_key`);--> statement-breakpoint
CREATE TABLE `report_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`report_id` integer NOT NULL,
	`kind` text NOT NULL,
	`report_version` integer NOT NULL,
	`content` text NOT NULL,
	`at` integer NOT NULL,
	`by_user_id` integer,
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "report_versions_kind_values" CHECK("report_versions"."kind" IN ('submitted', 'approved'))
);
--> statement-breakpoint
CREATE INDEX `report_versions_report_idx` ON `report_versions` (`report_id`,`id`);--> statement-breakpoint
CREATE TABLE `reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`task_force_id` integer NOT NULL,
	`period_id` integer NOT NULL,
	`period_key` text NOT NULL,
	`year` integer NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`completeness` real,
	`first_submitted_at` integer,
	`last_submitted_at` integer,
	`submitted_by` integer,
	`on_time` integer,
	`approved_at` integer,
	`approved_by` integer,
	`created_at` integer NOT NULL,
	`created_by` integer,
	`updated_at` integer NOT NULL,
	`updated_by` integer,
	`content` text NOT NULL,
	`acknowledged` text DEFAULT '[]' NOT NULL,
	FOREIGN KEY (`task_force_id`) REFERENCES `task_forces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`period_id`) REFERENCES `ran_periods`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`submitted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`approved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "reports_status_values" CHECK("reports"."status" IN ('draft', 'submitted', 'returned', 'approved', 'reopened')),
	CONSTRAINT "reports_period_key_shape" CHECK("reports"."period_key" GLOB '[0-9][0-9][0-9][0-9]' OR "reports"."period_key" GLOB '[0-9][0-9][0-9][0-9]-S[12]'),
	CONSTRAINT "reports_year_of_key" CHECK("reports"."year" = CAST(substr("reports"."period_key", 1, 4) AS INTEGER)),
	CONSTRAINT "reports_version_positive" CHECK("reports"."version" >= 1),
	CONSTRAINT "reports_completeness_range" CHECK("reports"."completeness" IS NULL OR ("reports"."completeness" >= 0 AND "reports"."completeness" <= 1)),
	CONSTRAINT "reports_content_json" CHECK(json_valid("reports"."content") AND json_valid("reports"."acknowledged")),
	CONSTRAINT "reports_submitted_shape" CHECK(("reports"."status" = 'draft' OR "reports"."first_submitted_at" IS NOT NULL) AND (("reports"."first_submitted_at" IS NULL) = ("reports"."on_time" IS NULL))),
	CONSTRAINT "reports_approved_shape" CHECK("reports"."status" <> 'approved' OR "reports"."approved_at" IS NOT NULL)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reports_task_force_period_uq` ON `reports` (`task_force_id`,`period_key`);--> statement-breakpoint
CREATE INDEX `reports_period_status_idx` ON `reports` (`period_key`,`status`);--> statement-breakpoint
CREATE INDEX `reports_period_idx` ON `reports` (`period_id`);