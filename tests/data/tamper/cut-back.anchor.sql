-- An insider deletes a chain's last entries and sets its head back: whole on its own, caught by
-- the anchor printed before.
DELETE FROM audit_log WHERE chain = (SELECT min(chain) FROM audit_log) AND seq > (SELECT max(seq) - 2 FROM audit_log WHERE chain = (SELECT min(chain) FROM audit_log));
UPDATE audit_heads SET seq = (SELECT max(seq) FROM audit_log WHERE chain = audit_heads.chain), hash = (SELECT hash FROM audit_log l WHERE l.chain = audit_heads.chain AND l.seq = (SELECT max(seq) FROM audit_log m WHERE m.chain = audit_heads.chain)) WHERE chain = (SELECT min(chain) FROM audit_log);
