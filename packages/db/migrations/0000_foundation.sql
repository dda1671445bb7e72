CREATE TABLE `action_item_targets` (
	`item_id` integer NOT NULL,
	`year` integer NOT NULL,
	`value` real NOT NULL,
	PRIMARY KEY(`item_id`, `year`),
	FOREIGN KEY (`item_id`) REFERENCES `action_items`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `action_item_targets_year_idx` ON `action_item_targets` (`year`);--> statement-breakpoint
CREATE TABLE `action_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`period_id` integer NOT NULL,
	`sub_task_force` text NOT NULL,
	`code` text NOT NULL,
	`programme` text NOT NULL,
	`activity` text NOT NULL,
	`indicator` text NOT NULL,
	`unit` text NOT NULL,
	`baseline` real,
	`target_mode` text NOT NULL,
	`lead_agency` text NOT NULL,
	`related_agencies` text DEFAULT '[]' NOT NULL,
	`level` text NOT NULL,
	`follows_item_id` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`period_id`) REFERENCES `ran_periods`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`follows_item_id`) REFERENCES `action_items`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "action_items_unit_values" CHECK("action_items"."unit" IN ('count', 'people', 'activities', 'documents', 'regions', 'percent', 'rupiah', 'change_percent')),
	CONSTRAINT "action_items_mode_values" CHECK("action_items"."target_mode" IN ('per_year', 'cumulative')),
	CONSTRAINT "action_items_level_values" CHECK("action_items"."level" IN ('national', 'province', 'regency'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `action_items_code_uq` ON `action_items` (`period_id`,lower("code"));--> statement-breakpoint
CREATE INDEX `action_items_period_idx` ON `action_items` (`period_id`,`sub_task_force`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`actor_user_id` integer,
	`actor_label` text,
	`action` text NOT NULL,
	`outcome` text NOT NULL,
	`target_type` text,
	`target_id` text,
	`ip` text,
	`details` text
);
--> statement-breakpoint
CREATE INDEX `audit_log_at_idx` ON `audit_log` (`at`);--> statement-breakpoint
CREATE INDEX `audit_log_action_idx` ON `audit_log` (`action`,`at`);--> statement-breakpoint
CREATE INDEX `audit_log_actor_idx` ON `audit_log` (`actor_user_id`,`at`);--> statement-breakpoint
CREATE TABLE `instruments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`task_force_id` integer NOT NULL,
	`type` text NOT NULL,
	`number` text NOT NULL,
	`issued_on` text NOT NULL,
	`issuer` text NOT NULL,
	`document_ref` text,
	`ends_on` text,
	`revoked_on` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`task_force_id`) REFERENCES `task_forces`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "instruments_type_values" CHECK("instruments"."type" IN ('perpres', 'pergub', 'sk_gubernur', 'perbup', 'sk_bupati', 'perwali', 'sk_walikota', 'perda')),
	CONSTRAINT "instruments_dates" CHECK(("instruments"."ends_on" IS NULL OR "instruments"."ends_on" >= "instruments"."issued_on") AND ("instruments"."revoked_on" IS NULL OR "instruments"."revoked_on" >= "instruments"."issued_on"))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `instruments_number_uq` ON `instruments` (`task_force_id`,`type`,`number`);--> statement-breakpoint
CREATE INDEX `instruments_task_force_idx` ON `instruments` (`task_force_id`,`issued_on`);--> statement-breakpoint
CREATE TABLE `memberships` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`task_force_id` integer NOT NULL,
	`position` text NOT NULL,
	`sub_task_force` text,
	`office` text NOT NULL,
	`agency` text NOT NULL,
	`stakeholder_type` text NOT NULL,
	`person_name` text,
	`valid_from` text NOT NULL,
	`valid_to` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`task_force_id`) REFERENCES `task_forces`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "memberships_position_values" CHECK("memberships"."position" IN ('chair', 'daily_chair', 'secretary', 'coordinator', 'member')),
	CONSTRAINT "memberships_stakeholder_values" CHECK("memberships"."stakeholder_type" IN ('kl', 'pemda_opd', 'vertical', 'civil_society', 'academia', 'private_sector', 'media')),
	CONSTRAINT "memberships_coordinator_shape" CHECK(("memberships"."position" = 'coordinator') = ("memberships"."sub_task_force" IS NOT NULL)),
	CONSTRAINT "memberships_validity" CHECK("memberships"."valid_to" IS NULL OR "memberships"."valid_from" <= "memberships"."valid_to")
);
--> statement-breakpoint
CREATE INDEX `memberships_task_force_idx` ON `memberships` (`task_force_id`,`position`);--> statement-breakpoint
CREATE TABLE `period_coordinators` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`period_id` integer NOT NULL,
	`sub_task_force` text NOT NULL,
	`agency` text NOT NULL,
	FOREIGN KEY (`period_id`) REFERENCES `ran_periods`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `period_coordinators_uq` ON `period_coordinators` (`period_id`,`sub_task_force`);--> statement-breakpoint
CREATE TABLE `ran_periods` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`number` integer NOT NULL,
	`first_year` integer NOT NULL,
	`last_year` integer NOT NULL,
	`status` text NOT NULL,
	`instrument` text,
	`adopted_on` text,
	`reporting_cycle` text DEFAULT 'annual' NOT NULL,
	`due_days` integer DEFAULT 31 NOT NULL,
	`expiry_days` integer DEFAULT 60 NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer,
	CONSTRAINT "ran_periods_cycle_values" CHECK("ran_periods"."reporting_cycle" IN ('annual', 'semester')),
	CONSTRAINT "ran_periods_status_values" CHECK("ran_periods"."status" IN ('draft', 'adopted')),
	CONSTRAINT "ran_periods_years" CHECK("ran_periods"."first_year" <= "ran_periods"."last_year")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ran_periods_number_uq` ON `ran_periods` (`number`);--> statement-breakpoint
CREATE TABLE `reference_version` (
	`id` integer PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	CONSTRAINT "reference_version_single_row" CHECK("reference_version"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE `regions` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`level` text NOT NULL,
	`parent_code` text,
	`kind` text,
	`valid_from` text,
	`valid_to` text,
	FOREIGN KEY (`parent_code`) REFERENCES `regions`(`code`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "regions_level_shape" CHECK(("regions"."level" = 'province' AND "regions"."parent_code" IS NULL AND "regions"."kind" IS NULL) OR ("regions"."level" = 'regency' AND "regions"."parent_code" IS NOT NULL AND "regions"."kind" IS NOT NULL)),
	CONSTRAINT "regions_level_values" CHECK("regions"."level" IN ('province', 'regency')),
	CONSTRAINT "regions_validity" CHECK("regions"."valid_from" IS NULL OR "regions"."valid_to" IS NULL OR "regions"."valid_from" <= "regions"."valid_to")
);
--> statement-breakpoint
CREATE INDEX `regions_parent_idx` ON `regions` (`parent_code`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`token_hash` text NOT NULL,
	`user_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	`ip` text,
	`user_agent` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sessions_token_uq` ON `sessions` (`token_hash`);--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `sign_in_attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`email_hash` text NOT NULL,
	`ip` text NOT NULL,
	`success` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sign_in_attempts_email_idx` ON `sign_in_attempts` (`email_hash`,`at`);--> statement-breakpoint
CREATE INDEX `sign_in_attempts_ip_idx` ON `sign_in_attempts` (`ip`,`at`);--> statement-breakpoint
CREATE INDEX `sign_in_attempts_at_idx` ON `sign_in_attempts` (`at`);--> statement-breakpoint
CREATE TABLE `successions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`old_code` text NOT NULL,
	`new_code` text NOT NULL,
	`type` text NOT NULL,
	`effective_date` text NOT NULL,
	`new_name` text,
	`legal_basis` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`created_by` integer,
	FOREIGN KEY (`old_code`) REFERENCES `regions`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`new_code`) REFERENCES `regions`(`code`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "successions_type_values" CHECK("successions"."type" IN ('split', 'recode', 'merge', 'rename')),
	CONSTRAINT "successions_rename_shape" CHECK(("successions"."type" = 'rename') = ("successions"."old_code" = "successions"."new_code"))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `successions_uq` ON `successions` (`old_code`,`new_code`,`type`,`effective_date`);--> statement-breakpoint
CREATE INDEX `successions_new_idx` ON `successions` (`new_code`);--> statement-breakpoint
CREATE TABLE `task_force_regions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`task_force_id` integer NOT NULL,
	`region_code` text NOT NULL,
	`valid_from` text,
	`valid_to` text,
	FOREIGN KEY (`task_force_id`) REFERENCES `task_forces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`region_code`) REFERENCES `regions`(`code`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "task_force_regions_validity" CHECK("task_force_regions"."valid_from" IS NULL OR "task_force_regions"."valid_to" IS NULL OR "task_force_regions"."valid_from" <= "task_force_regions"."valid_to")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `task_force_regions_region_uq` ON `task_force_regions` (`region_code`);--> statement-breakpoint
CREATE INDEX `task_force_regions_task_force_idx` ON `task_force_regions` (`task_force_id`);--> statement-breakpoint
CREATE TABLE `task_forces` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`level` text NOT NULL,
	`valid_from` text,
	`valid_to` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	CONSTRAINT "task_forces_level_values" CHECK("task_forces"."level" IN ('national', 'province', 'regency')),
	CONSTRAINT "task_forces_validity" CHECK("task_forces"."valid_from" IS NULL OR "task_forces"."valid_to" IS NULL OR "task_forces"."valid_from" <= "task_forces"."valid_to")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `task_forces_one_national_uq` ON `task_forces` (`level`) WHERE "task_forces"."level" = 'national';--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`position` text NOT NULL,
	`task_force_id` integer NOT NULL,
	`role` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`password_hash` text NOT NULL,
	`must_change_password` integer DEFAULT true NOT NULL,
	`password_expires_at` integer,
	`password_changed_at` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`task_force_id`) REFERENCES `task_forces`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "users_role_values" CHECK("users"."role" IN ('central_admin', 'central_viewer', 'regional_admin', 'regional_member')),
	CONSTRAINT "users_email_lower" CHECK("users"."email" = lower("users"."email"))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_uq` ON `users` (`email`);--> statement-breakpoint
CREATE INDEX `users_task_force_idx` ON `users` (`task_force_id`);