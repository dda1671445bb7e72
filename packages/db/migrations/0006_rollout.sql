CREATE TABLE `announcement_reads` (
	`announcement_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`read_at` integer NOT NULL,
	PRIMARY KEY(`announcement_id`, `user_id`),
	FOREIGN KEY (`announcement_id`) REFERENCES `announcements`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `announcements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title_id` text NOT NULL,
	`title_en` text NOT NULL,
	`body_id` text NOT NULL,
	`body_en` text NOT NULL,
	`province_code` text,
	`published_at` integer NOT NULL,
	`show_until` text,
	`withdrawn_at` integer,
	`created_by` integer,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`province_code`) REFERENCES `regions`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `announcements_published_idx` ON `announcements` (`published_at`);--> statement-breakpoint
CREATE TABLE `mfa_factors` (
	`user_id` integer PRIMARY KEY NOT NULL,
	`secret` text NOT NULL,
	`confirmed_at` integer,
	`last_step` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `rad_item_targets` (
	`item_id` integer NOT NULL,
	`year` integer NOT NULL,
	`value` real NOT NULL,
	PRIMARY KEY(`item_id`, `year`),
	FOREIGN KEY (`item_id`) REFERENCES `rad_items`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `rad_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_id` integer NOT NULL,
	`follows_item_id` integer NOT NULL,
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
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `rad_plans`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`follows_item_id`) REFERENCES `action_items`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "rad_items_unit_values" CHECK("rad_items"."unit" IN ('count', 'people', 'activities', 'documents', 'regions', 'percent', 'rupiah', 'change_percent')),
	CONSTRAINT "rad_items_mode_values" CHECK("rad_items"."target_mode" IN ('per_year', 'cumulative'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rad_items_code_uq` ON `rad_items` (`plan_id`,lower("code"));--> statement-breakpoint
CREATE INDEX `rad_items_follows_idx` ON `rad_items` (`follows_item_id`);--> statement-breakpoint
CREATE TABLE `rad_plans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`task_force_id` integer NOT NULL,
	`period_id` integer NOT NULL,
	`instrument_type` text,
	`instrument_number` text,
	`adopted_on` text,
	`document_ref` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`task_force_id`) REFERENCES `task_forces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`period_id`) REFERENCES `ran_periods`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "rad_plans_instrument_values" CHECK("rad_plans"."instrument_type" IS NULL OR "rad_plans"."instrument_type" IN ('perpres', 'pergub', 'sk_gubernur', 'perbup', 'sk_bupati', 'perwali', 'sk_walikota', 'perda')),
	CONSTRAINT "rad_plans_instrument_shape" CHECK(("rad_plans"."instrument_type" IS NULL) = ("rad_plans"."instrument_number" IS NULL) AND ("rad_plans"."instrument_type" IS NULL) = ("rad_plans"."adopted_on" IS NULL))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rad_plans_task_force_period_uq` ON `rad_plans` (`task_force_id`,`period_id`);--> statement-breakpoint
CREATE TABLE `recovery_codes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`code_hash` text NOT NULL,
	`used_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `recovery_codes_hash_uq` ON `recovery_codes` (`code_hash`);--> statement-breakpoint
CREATE INDEX `recovery_codes_user_idx` ON `recovery_codes` (`user_id`);--> statement-breakpoint
ALTER TABLE `sessions` ADD `mfa_verified_at` integer;