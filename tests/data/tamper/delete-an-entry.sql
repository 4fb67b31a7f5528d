-- An insider deletes one entry in the middle of a chain.
DELETE FROM audit_log WHERE chain = (SELECT min(chain) FROM audit_log) AND seq = 3;
