-- The reference version goes up with every change to reference data (regions, successions, task
-- forces and their regions, instruments, periods and their plans), so cached reads of it drop at
-- once, whichever connection wrote. Other tables (accounts, sessions, the audit log) leave it alone.
INSERT INTO reference_version (id, version) VALUES (1, 0);
--> statement-breakpoint
CREATE TRIGGER regions_insert_bumps_reference_version AFTER INSERT ON regions BEGIN UPDATE reference_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER regions_update_bumps_reference_version AFTER UPDATE ON regions BEGIN UPDATE reference_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER regions_delete_bumps_reference_version AFTER DELETE ON regions BEGIN UPDATE reference_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER successions_insert_bumps_reference_version AFTER INSERT ON successions BEGIN UPDATE reference_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER successions_update_bumps_reference_version AFTER UPDATE ON successions BEGIN UPDATE reference_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER successions_delete_bumps_reference_version AFTER DELETE ON successions BEGIN UPDATE reference_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER task_forces_insert_bumps_reference_version AFTER INSERT ON task_forces BEGIN UPDATE reference_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER task_forces_update_bumps_reference_version AFTER UPDATE ON task_forces BEGIN UPDATE reference_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER task_forces_delete_bumps_reference_version AFTER DELETE ON task_forces BEGIN UPDATE reference_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER task_force_regions_insert_bumps_reference_version AFTER INSERT ON task_force_regions BEGIN UPDATE reference_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER task_force_regions_update_bumps_reference_version AFTER UPDATE ON task_force_regions BEGIN UPDATE reference_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER task_force_regions_delete_bumps_reference_version AFTER DELETE ON task_force_regions BEGIN UPDATE reference_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER instruments_insert_bumps_reference_version AFTER INSERT ON instruments BEGIN UPDATE reference_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER instruments_update_bumps_reference_version AFTER UPDATE ON instruments BEGIN UPDATE reference_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER instruments_delete_bumps_reference_version AFTER DELETE ON instruments BEGIN UPDATE reference_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER ran_periods_insert_bumps_reference_version AFTER INSERT ON ran_periods BEGIN UPDATE reference_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER ran_periods_update_bumps_reference_version AFTER UPDATE ON ran_periods BEGIN UPDATE reference_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER ran_periods_delete_bumps_reference_version AFTER DELETE ON ran_periods BEGIN UPDATE reference_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER action_items_insert_bumps_reference_version AFTER INSERT ON action_items BEGIN UPDATE reference_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER action_items_update_bumps_reference_version AFTER UPDATE ON action_items BEGIN UPDATE reference_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER action_items_delete_bumps_reference_version AFTER DELETE ON action_items BEGIN UPDATE reference_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER action_item_targets_insert_bumps_reference_version AFTER INSERT ON action_item_targets BEGIN UPDATE reference_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER action_item_targets_update_bumps_reference_version AFTER UPDATE ON action_item_targets BEGIN UPDATE reference_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER action_item_targets_delete_bumps_reference_version AFTER DELETE ON action_item_targets BEGIN UPDATE reference_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER period_coordinators_insert_bumps_reference_version AFTER INSERT ON period_coordinators BEGIN UPDATE reference_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER period_coordinators_update_bumps_reference_version AFTER UPDATE ON period_coordinators BEGIN UPDATE reference_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER period_coordinators_delete_bumps_reference_version AFTER DELETE ON period_coordinators BEGIN UPDATE reference_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
-- The audit log is append-only.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
