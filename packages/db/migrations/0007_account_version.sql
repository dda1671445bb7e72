CREATE TABLE `account_version` (
	`id` integer PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	CONSTRAINT "account_version_single_row" CHECK("account_version"."id" = 1)
);
--> statement-breakpoint
-- The accounts' version goes up with every write that could change what a session resolves to: an
-- account (its role, task force, password state, being active), a second factor, a session opened,
-- ended or changed — except its last use moving forward, which every signed-in request makes once a
-- minute and which only lengthens the session's life (an integer: text compares above any number). The api keeps resolved sessions while the
-- version (and the reference version, which places task forces) stands still.
INSERT INTO account_version (id, version) VALUES (1, 0);
--> statement-breakpoint
CREATE TRIGGER users_insert_bumps_account_version AFTER INSERT ON users BEGIN UPDATE account_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER users_update_bumps_account_version AFTER UPDATE ON users BEGIN UPDATE account_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER users_delete_bumps_account_version AFTER DELETE ON users BEGIN UPDATE account_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER sessions_insert_bumps_account_version AFTER INSERT ON sessions BEGIN UPDATE account_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER sessions_update_bumps_account_version AFTER UPDATE ON sessions
WHEN NOT (typeof(NEW.last_seen_at) = 'integer' AND NEW.last_seen_at >= OLD.last_seen_at AND NEW.id = OLD.id AND NEW.token_hash = OLD.token_hash AND NEW.user_id = OLD.user_id AND NEW.created_at = OLD.created_at
  AND NEW.ip IS OLD.ip AND NEW.user_agent IS OLD.user_agent AND NEW.mfa_verified_at IS OLD.mfa_verified_at)
BEGIN UPDATE account_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER sessions_delete_bumps_account_version AFTER DELETE ON sessions BEGIN UPDATE account_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER mfa_factors_insert_bumps_account_version AFTER INSERT ON mfa_factors BEGIN UPDATE account_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER mfa_factors_update_bumps_account_version AFTER UPDATE ON mfa_factors BEGIN UPDATE account_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER mfa_factors_delete_bumps_account_version AFTER DELETE ON mfa_factors BEGIN UPDATE account_version SET version = version + 1 WHERE id = 1; END;
