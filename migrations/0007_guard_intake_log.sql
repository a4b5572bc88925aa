-- RMSV art. 5: intake logs are kept at least 6 months. The log is append-only: no UPDATE, no DELETE, no TRUNCATE.
CREATE TRIGGER intake_log_no_update_delete BEFORE UPDATE OR DELETE ON intake_log
  FOR EACH ROW EXECUTE FUNCTION bulwark_audit_append_only();
--> statement-breakpoint
CREATE TRIGGER intake_log_no_truncate BEFORE TRUNCATE ON intake_log
  FOR EACH STATEMENT EXECUTE FUNCTION bulwark_audit_append_only();
--> statement-breakpoint
CREATE SEQUENCE vulnerability_ref_seq;
