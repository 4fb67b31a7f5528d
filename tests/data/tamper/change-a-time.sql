-- An insider moves an entry to another day.
UPDATE audit_log SET at = '2020-01-01T00:00:00Z' WHERE chain = (SELECT min(chain) FROM audit_log) AND seq = 4;
