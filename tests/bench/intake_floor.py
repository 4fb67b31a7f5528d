"""The database's own floor for an online application (docs/performance.md): psql running, over
one connection and one transaction per application, the INSERTs and UPDATEs of the same rows and
bytes that gongji-intake stored — copied from a database it stored them in.
Usage: intake_floor.py SOURCE_URL PREFIX NONCE_KEY_ID > floor.sql"""
import subprocess
import sys

source, prefix, key_id = sys.argv[1:4]


def rows(query):
    out = subprocess.run(["psql", "-X", "-At", "-F", "\x1f", "-R", "\x1e", "-P", "null=\x01", source, "-c", query],
                         capture_output=True, text=True, check=True).stdout
    return [r.split("\x1f") for r in out.split("\x1e") if r]


def literal(value):
    return "NULL" if value == "\x01" else "'" + value.replace("'", "''") + "'"


def values(row):
    return ", ".join(literal(v) for v in row)


CASE = ("number, kind, status, policy, authorizer_id, user_id, relation, application_date, documents, detail, "
        "created_by, workstation, created_at, request_key, channel, via, apply_no, item_code")
PAPER = "type, file_name, mime, pages, size_bytes, sha256, content, captured_by, workstation, captured_at"
ENTRY = ("chain, seq, at, actor, workstation, action, entity, entity_key, before_state, after_state, prev_hash, hash, "
         "key_id, logged")
EVENT = "via, seq, case_no, apply_no, action, state, at, detail"

out = sys.stdout
for n, case in enumerate(rows("SELECT %s, id FROM cases WHERE apply_no LIKE '%s%%' ORDER BY id" % (CASE, prefix))):
    number, case_id = case[0], case[-1]
    out.write("BEGIN;\n")
    out.write("INSERT INTO intake_nonces (key_id, nonce, seen_at) VALUES (%s, 'floor-%d', 0);\n" % (literal(key_id), n))
    out.write("INSERT INTO case_counters (day, last) VALUES (%s, 1) ON CONFLICT (day) DO UPDATE SET last = "
              "case_counters.last + 1 RETURNING last;\n" % literal(number[2:10]))
    out.write("INSERT INTO cases (%s) VALUES (%s) RETURNING id;\n" % (CASE, values(case[:-1])))
    for paper in rows("SELECT %s FROM documents WHERE case_id = %s ORDER BY id" % (PAPER, case_id)):
        out.write("INSERT INTO documents (case_id, %s) VALUES ((SELECT id FROM cases WHERE number = %s), %s) RETURNING id;\n"
                  % (PAPER, literal(number), values(paper)))
    entries = rows("SELECT %s FROM audit_log WHERE actor LIKE 'online-%%' AND (entity_key = %s OR "
                   "(action = 'document.attach' AND after_state LIKE %s)) ORDER BY seq"
                   % (ENTRY, literal(number), literal('%' + number + '%')))
    for entry in entries:
        out.write("INSERT INTO audit_log (%s) VALUES (%s);\n" % (ENTRY, values(entry)))
    last = entries[-1]
    out.write("INSERT INTO audit_heads (chain, seq, hash) VALUES (%s, %s, %s) ON CONFLICT (chain) DO UPDATE SET "
              "seq = EXCLUDED.seq, hash = EXCLUDED.hash;\n" % (literal(last[0]), last[1], literal(last[11])))
    out.write("UPDATE case_event_counters SET last = last + 1 WHERE via = 'wechat' RETURNING last;\n")
    for event in rows("SELECT %s FROM case_events WHERE case_no = %s" % (EVENT, literal(number))):
        out.write("INSERT INTO case_events (%s) VALUES (%s);\n" % (EVENT, values(event)))
    out.write("COMMIT;\n")
