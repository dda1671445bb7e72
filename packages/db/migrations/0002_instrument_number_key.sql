-- An instrument's number is told apart by its key (@gugus/domain `instrumentNumberKey`: case and
-- surrounding spaces ignored), so "SK-ABC/2019" and "sk-abc/2019" are one instrument, by manual
-- entry as by the import. The unique index moves from the number to the key.
DROP INDEX `instruments_number_uq`;--> statement-breakpoint
ALTER TABLE `instruments` ADD `number_key` text DEFAULT '' NOT NULL;--> statement-breakpoint
-- Keys of the instruments already recorded. Numbers were stored trimmed; SQLite's lower() folds the
-- letters A–Z only, which is every number seen so far. A number with other capital letters keeps
-- them in its key until it is next saved, when the api writes the domain's key.
UPDATE `instruments` SET `number_key` = lower(trim(`number`));--> statement-breakpoint
-- Pairs entered before this rule (same task force, type and key): the oldest (lowest id) keeps its
-- number; each later one is kept too, renamed "<number> (duplikat <id>)", so nothing recorded is
-- lost, the pair shows on the task force's profile, and an admin corrects or deletes the copy.
UPDATE `instruments` SET
  `number` = `number` || ' (duplikat ' || `id` || ')',
  `number_key` = `number_key` || ' (duplikat ' || `id` || ')'
WHERE EXISTS (
  SELECT 1 FROM `instruments` AS `older`
  WHERE `older`.`task_force_id` = `instruments`.`task_force_id` AND `older`.`type` = `instruments`.`type`
    AND `older`.`number_key` = `instruments`.`number_key` AND `older`.`id` < `instruments`.`id`
);--> statement-breakpoint
CREATE UNIQUE INDEX `instruments_number_key_uq` ON `instruments` (`task_force_id`,`type`,`number_key`);
