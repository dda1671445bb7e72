CREATE TABLE `ran_periods` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`number` integer NOT NULL,
	`first_year` integer NOT NULL,
	`last_year` integer NOT NULL,
	`status` text NOT NULL,
	`instrument` text,
	`adopted_on` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	CONSTRAINT "ran_periods_status_values" CHECK("ran_periods"."status" IN ('draft', 'adopted')),
	CONSTRAINT "ran_periods_years" CHECK("ran_periods"."first_year" <= "ran_periods"."last_year")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ran_periods_number_uq` ON `ran_periods` (`number`);--> statement-breakpoint
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
CREATE TABLE `task_forces` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`level` text NOT NULL,
	`region_code` text,
	`parent_id` integer,
	`status` text DEFAULT 'not_formed' NOT NULL,
	`valid_from` text,
	`valid_to` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`region_code`) REFERENCES `regions`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`parent_id`) REFERENCES `task_forces`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "task_forces_level_values" CHECK("task_forces"."level" IN ('national', 'province', 'regency')),
	CONSTRAINT "task_forces_status_values" CHECK("task_forces"."status" IN ('not_formed')),
	CONSTRAINT "task_forces_level_shape" CHECK(("task_forces"."level" = 'national') = ("task_forces"."region_code" IS NULL AND "task_forces"."parent_id" IS NULL))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `task_forces_region_uq` ON `task_forces` (`region_code`);--> statement-breakpoint
CREATE UNIQUE INDEX `task_forces_one_national_uq` ON `task_forces` (`level`) WHERE "task_forces"."level" = 'national';--> statement-breakpoint
CREATE INDEX `task_forces_parent_idx` ON `task_forces` (`parent_id`);