-- The agency's key that sealed each audit entry (issue 15): HMAC-SHA256 or HMAC-SM3 with a key
-- kept outside the database, so that whoever can write the database cannot seal a rewritten
-- entry again. '' for the entries sealed with a plain SHA-256 before the agency had a key.
ALTER TABLE audit_log ADD COLUMN key_id VARCHAR(32) NOT NULL DEFAULT '';
