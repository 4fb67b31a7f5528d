-- Printouts name the clerk who served the citizen, not only the login (issue 11).
ALTER TABLE users ADD COLUMN full_name VARCHAR(64) NOT NULL DEFAULT '';
