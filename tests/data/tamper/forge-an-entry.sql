-- An insider appends an entry of their own, copying a real one's seal, and moves the head.
INSERT INTO audit_log (chain, seq, at, actor, workstation, action, entity, entity_key, before_state, after_state, prev_hash, hash, key_id) SELECT chain, seq + 1, at, 'nobody', workstation, 'user.add', 'user', 'nobody', '', '{}', hash, hash, key_id FROM audit_log WHERE chain = (SELECT min(chain) FROM audit_log) AND seq = (SELECT max(seq) FROM audit_log WHERE chain = (SELECT min(chain) FROM audit_log));
UPDATE audit_heads SET seq = seq + 1 WHERE chain = (SELECT min(chain) FROM audit_log);
