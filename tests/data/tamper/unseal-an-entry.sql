-- An insider marks a keyed entry as from before the key, hoping it is then checked without it.
UPDATE audit_log SET key_id = '' WHERE chain = (SELECT min(chain) FROM audit_log) AND seq = 5;
