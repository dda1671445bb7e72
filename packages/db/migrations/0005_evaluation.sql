CREATE TABLE `demo_dataset` (
	`id` integer PRIMARY KEY NOT NULL,
	`seed` integer NOT NULL,
	`first_year` integer NOT NULL,
	`last_year` integer NOT NULL,
	`created_at` integer NOT NULL,
	CONSTRAINT "demo_dataset_single_row" CHECK("demo_dataset"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE `evaluation_publications` (
	`year` integer PRIMARY KEY NOT NULL,
	`period_id` integer NOT NULL,
	`published_at` integer NOT NULL,
	`published_by` integer,
	FOREIGN KEY (`period_id`) REFERENCES `ran_periods`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`published_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `evaluation_publications_period_idx` ON `evaluation_publications` (`period_id`);--> statement-breakpoint
CREATE TABLE `evaluation_settings` (
	`period_id` integer PRIMARY KEY NOT NULL,
	`settings` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by` integer,
	FOREIGN KEY (`period_id`) REFERENCES `ran_periods`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
