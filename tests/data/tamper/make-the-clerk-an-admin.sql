-- The clerk made an administrator, every administrator disabled: found by the users' records.
UPDATE users SET role = 'admin' WHERE username = 'clerk';
UPDATE users SET disabled = 1 WHERE username = 'admin';
