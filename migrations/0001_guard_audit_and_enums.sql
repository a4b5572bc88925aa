-- The audit chain has no update or delete path: refuse both at the database, whoever asks.
CREATE FUNCTION bulwark_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION bulwark_audit_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION bulwark_audit_append_only();
--> statement-breakpoint
ALTER TABLE orgs ADD CONSTRAINT orgs_kind_chk CHECK (kind IN ('ministry','provincial-regulator','enterprise','vendor','collection-platform','researcher'));
--> statement-breakpoint
ALTER TABLE orgs ADD CONSTRAINT orgs_province_chk CHECK (province_code IS NULL OR province_code ~ '^[0-9]{2}0000$');
--> statement-breakpoint
ALTER TABLE orgs ADD CONSTRAINT orgs_regulator_province_chk CHECK (kind <> 'provincial-regulator' OR province_code IS NOT NULL);
--> statement-breakpoint
ALTER TABLE users ADD CONSTRAINT users_role_chk CHECK (role IN ('admin','member','viewer'));
--> statement-breakpoint
ALTER TABLE users ADD CONSTRAINT users_status_chk CHECK (status IN ('active','disabled'));
--> statement-breakpoint
ALTER TABLE invitations ADD CONSTRAINT invitations_role_chk CHECK (role IN ('admin','member','viewer'));
