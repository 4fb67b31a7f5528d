-- A submission's idempotency key (issue 13): the window makes one when the form opens and sends
-- it with every attempt, so an attempt whose answer was lost with the connection, tried again,
-- finds its case instead of making a second one.
ALTER TABLE cases ADD COLUMN request_key VARCHAR(64);
CREATE UNIQUE INDEX cases_request_key ON cases (request_key);
