-- A chain renamed (its seals do not cover the chain's name; its entries' workstation does).
UPDATE audit_heads SET chain = 'renamed' WHERE chain = (SELECT min(chain) FROM audit_log);
UPDATE audit_log SET chain = 'renamed' WHERE chain = (SELECT min(chain) FROM audit_log);
