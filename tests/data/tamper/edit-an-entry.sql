-- An insider changes who did something.
UPDATE audit_log SET actor = 'nobody' WHERE chain = (SELECT min(chain) FROM audit_log) AND seq = 2;
