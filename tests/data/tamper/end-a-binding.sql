-- A binding ended behind the log, another's deduction order changed.
UPDATE bindings SET status = 'ended', until = '2026-12-01T00:00:00Z', end_reason = 'request' WHERE id = (SELECT min(id) FROM bindings);
UPDATE bindings SET deduction_order = 9 WHERE id = (SELECT max(id) FROM bindings);
