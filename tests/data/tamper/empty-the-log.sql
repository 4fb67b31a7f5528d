-- The whole log emptied and its heads set back: with the agency's key, an empty log is truncated.
DELETE FROM audit_log;
UPDATE audit_heads SET seq = 0, hash = '0000000000000000000000000000000000000000000000000000000000000000';
