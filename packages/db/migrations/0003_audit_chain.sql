ALTER TABLE `audit_log` ADD `hash` text;
--> statement-breakpoint
-- INSERT OR REPLACE deletes the row it replaces without firing the delete trigger (recursive
-- triggers are off), so an entry could be rewritten in place: refuse an id that already exists.
CREATE TRIGGER audit_log_no_replace BEFORE INSERT ON audit_log WHEN EXISTS (SELECT 1 FROM audit_log WHERE id = NEW.id) BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
--> statement-breakpoint
-- Chain the entries already recorded, oldest first, each to the one before; audit_entry_hash is
-- registered on every connection the product opens (packages/db/src/queries/audit.ts). The UPDATE
-- guard steps aside for this one statement, inside the migration's transaction.
DROP TRIGGER audit_log_no_update;
--> statement-breakpoint
CREATE TEMP TABLE audit_chain (id INTEGER PRIMARY KEY, hash TEXT NOT NULL);
--> statement-breakpoint
INSERT INTO audit_chain (id, hash)
WITH RECURSIVE chain(id, hash) AS (
  SELECT a.id, audit_entry_hash(NULL, a.id, a.at, a.actor_user_id, a.actor_label, a.action, a.outcome, a.target_type, a.target_id, a.ip, a.details)
  FROM audit_log a WHERE a.id = (SELECT min(id) FROM audit_log)
  UNION ALL
  SELECT a.id, audit_entry_hash(c.hash, a.id, a.at, a.actor_user_id, a.actor_label, a.action, a.outcome, a.target_type, a.target_id, a.ip, a.details)
  FROM chain c JOIN audit_log a ON a.id = (SELECT min(id) FROM audit_log WHERE id > c.id)
)
SELECT id, hash FROM chain;
--> statement-breakpoint
UPDATE audit_log SET hash = (SELECT hash FROM audit_chain WHERE audit_chain.id = audit_log.id);
--> statement-breakpoint
DROP TABLE audit_chain;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
