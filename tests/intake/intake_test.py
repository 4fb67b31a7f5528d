"""Pins the intake service as the online channels use it (interfaces.md third set, issue 26):
an application arrives applied with its papers, once however often it is sent; its state and
history are its channel's alone; a correction is answered by upload and the case returns to the
queue; the events feed tells the channel every change and its acknowledgement records delivery
(送达); every malformed, unsigned, replayed, oversized or hostile request gets its status and code
and changes nothing; on PostgreSQL the service's own role cannot decide a case or touch the
audit log. Run by intake_test.sh, which makes the database, the certificate and the environment."""
import base64
import json
import os
import re
import signal
import struct
import subprocess
import sys
import tempfile
import threading
import time
import unittest
import zlib

from channel_client import Channel, material

GONGJI = os.environ["GONGJI"]
DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "malformed")
ZHANG_WEI, LI_XIUYING = "450802196503120117", "450802196708200129"


def png(width=240, height=160, shade=7):
    rows = b"".join(b"\x00" + bytes((x * shade + y) % 256 for x in range(width)) for y in range(height))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)) +
            chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def gongji(*args, user="super"):
    env = dict(os.environ, GONGJI_PASSWORD="demo")
    run = subprocess.run([GONGJI, "--as", user, *args], capture_output=True, text=True, env=env)
    return run.returncode, json.loads(run.stdout) if run.stdout.strip() else None


class Service:
    """gongji-intake started as its unit starts it, on a free port, stopped with SIGTERM."""

    def __init__(self, **settings):
        self.config = tempfile.NamedTemporaryFile("w", suffix=".conf", delete=False)
        for name, value in settings.items():
            self.config.write("%s = %s\n" % (name, value))
        self.config.close()
        self.process = subprocess.Popen(
            [os.environ["GONGJI_INTAKE"], "--listen", "127.0.0.1:0", "--cert", os.environ["INTAKE_CERT"],
             "--key", os.environ["INTAKE_KEY"], "--db", os.environ["INTAKE_DB"], "--config", self.config.name],
            stderr=subprocess.PIPE, text=True)
        line = self.process.stderr.readline()
        found = re.search(r"listening on https://[^:]+:(\d+)", line)
        if not found:
            raise AssertionError("gongji-intake did not start: " + line + self.process.stderr.read())
        self.port = int(found.group(1))
        # What the service says from now on (a cause behind a 500) shows in the test's output.
        threading.Thread(target=lambda: [sys.stderr.write(l) for l in self.process.stderr], daemon=True).start()

    def channel(self, key):
        return Channel("localhost", self.port, key["key_id"], key["secret"], cafile=os.environ["INTAKE_CERT"])

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        code = self.process.wait(timeout=30)
        os.unlink(self.config.name)
        return code


def setUpModule():
    global WECHAT, ALIPAY, REVOKED, SERVICE, STRICT
    WECHAT = gongji("intake", "key", "new", "wechat", user="admin")[1]
    ALIPAY = gongji("intake", "key", "new", "alipay", user="admin")[1]
    REVOKED = gongji("intake", "key", "new", "wechat", user="admin")[1]
    assert gongji("intake", "key", "revoke", REVOKED["key_id"], user="admin")[0] == 0
    SERVICE = Service()
    STRICT = Service(max_body_mb=1, requests_per_minute=5)


def tearDownModule():
    assert SERVICE.stop() == 0, "SIGTERM ends the service cleanly"
    assert STRICT.stop() == 0


def application(apply_no, **changes):
    a = {"apply_no": apply_no, "via": "wechat", "kind": "bind", "submitted_at": "2026-12-07T09:30:00+08:00",
         "authorizer": {"id_number": ZHANG_WEI, "name": "张伟", "phone": "13800000000"},
         "user": {"id_number": LI_XIUYING, "name": "李秀英"}, "relation": "12",
         "materials": [material("id_card", "sfz.png", png()), material("marriage_certificate", "jhz.png", png(320, 200))],
         "commitment_signed": True}
    a.update(changes)
    return a


def online_cases():
    code, cases = gongji("case", "list", "--channel", "online", "--limit", "10000")
    assert code == 0
    return len(cases)


class Applications(unittest.TestCase):
    def setUp(self):
        self.wechat = SERVICE.channel(WECHAT)

    def tearDown(self):
        self.wechat.close()

    def test_an_application_is_stored_once_however_often_it_is_sent(self):
        a = application("WX-ONCE-1")
        status, first, _ = self.wechat.apply(a)
        self.assertEqual(status, 201, first)
        self.assertEqual(first["state"], "applied")
        before = online_cases()
        status, again, _ = self.wechat.apply(a)
        self.assertEqual((status, again["case"]), (200, first["case"]))
        status, conflict, _ = self.wechat.apply(application("WX-ONCE-1", relation="10"))
        self.assertEqual((status, conflict["refused"]), (409, "apply_no_conflict"))
        self.assertEqual(online_cases(), before)
        code, papers = gongji("document", "list", "--case", first["case"])
        self.assertEqual((code, sorted(p["type"] for p in papers)), (0, ["id_card", "marriage_certificate"]))

    def test_a_correction_answered_online_returns_the_case_and_the_feed_tells_every_step_and_delivery(self):
        status, made, _ = self.wechat.apply(application("WX-FLOW-1"))
        self.assertEqual(status, 201, made)
        case = made["case"]
        self.assertEqual(gongji("case", "correct", case, "--missing", "hukou", "--note", "请上传户口簿首页和本人页")[0], 0)
        status, state, _ = self.wechat.state("WX-FLOW-1")
        self.assertEqual(state["state"], "correction")
        asked = state["history"][-1]
        self.assertEqual((asked["missing"], asked["note"]), (["hukou"], "请上传户口簿首页和本人页"))
        self.assertRegex(asked["due"], r"^\d{4}-\d\d-\d\d$")
        # The wrong paper does not answer it, and is not kept.
        status, refused, _ = self.wechat.send("POST", "/v1/applications/WX-FLOW-1/materials",
                                              {"materials": [material("other", "x.png", png())]})
        self.assertEqual((status, refused["refused"]), (409, "correction_papers_missing"))
        self.assertEqual(len(gongji("document", "list", "--case", case)[1]), 2)
        status, answered, _ = self.wechat.send("POST", "/v1/applications/WX-FLOW-1/materials",
                                               {"materials": [material("hukou", "hk.png", png(300, 300, 3))]})
        self.assertEqual((status, answered["state"]), (200, "applied"), answered)
        self.assertEqual(gongji("case", "accept", case, user="clerk")[0], 0)
        self.assertEqual(gongji("case", "approve", case)[0], 0)
        after = 0
        seen = []
        while True:
            status, page, _ = self.wechat.events(after, 2)
            self.assertEqual(status, 200)
            seen += [(e["apply_no"], e["action"], e["state"]) for e in page["events"]]
            if not page["events"]:
                break
            after = page["next"]
        mine = [(action, state) for apply_no, action, state in seen if apply_no == "WX-FLOW-1"]
        self.assertEqual(mine, [("apply", "applied"), ("correct", "correction"), ("resume", "applied"),
                                ("accept", "submitted"), ("approve", "approved")])
        status, acked, _ = self.wechat.ack(after)
        self.assertEqual(status, 200, acked)
        self.assertGreaterEqual(acked["delivered"], 1)
        status, state, _ = self.wechat.state("WX-FLOW-1")
        self.assertIsNotNone(state["delivered_at"])
        self.assertEqual(state["history"][-1]["state"], "approved")
        status, shown, _ = self.wechat.send("GET", "/v1/events?after=%d" % after)
        self.assertIn(("WX-FLOW-1", "deliver"), [(e["apply_no"], e["action"]) for e in shown["events"]])
        code, verified = gongji("audit", "verify")
        self.assertEqual(code, 0, verified)

    def test_the_applicant_withdraws_before_a_decision_not_after(self):
        self.assertEqual(self.wechat.apply(application("WX-WITHDRAW-1"))[0], 201)
        status, withdrawn, _ = self.wechat.send("POST", "/v1/applications/WX-WITHDRAW-1/withdraw")
        self.assertEqual((status, withdrawn["state"]), (200, "withdrawn"))
        status, again, _ = self.wechat.send("POST", "/v1/applications/WX-WITHDRAW-1/withdraw")
        self.assertEqual((status, again["refused"]), (409, "already_decided"))

    def test_no_channel_sees_or_touches_another_channels_applications(self):
        self.assertEqual(self.wechat.apply(application("WX-MINE-1"))[0], 201)
        alipay = SERVICE.channel(ALIPAY)
        status, answer, _ = alipay.state("WX-MINE-1")
        self.assertEqual((status, answer["refused"]), (404, "apply_no_unknown"))
        status, answer, _ = alipay.send("POST", "/v1/applications/WX-MINE-1/withdraw")
        self.assertEqual(status, 404)
        status, page, _ = alipay.events()
        self.assertEqual(page["events"], [])
        status, answer, _ = alipay.apply(application("WX-MINE-2"))  # says it is wechat's
        self.assertEqual((status, answer["refused"]), (422, "via_mismatch"))
        alipay.close()


class Ratings(unittest.TestCase):
    def test_a_rating_comes_back_once_and_a_bad_one_opens_a_follow_up(self):
        wechat = SERVICE.channel(WECHAT)
        status, made, _ = wechat.apply(application("WX-RATE-1"))
        self.assertEqual(status, 201, made)
        import datetime
        now = datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")
        rating = {"apply_no": "WX-RATE-1", "grade": 2, "comment": "等了很久", "rated_at": now}
        status, refused, _ = wechat.send("POST", "/v1/ratings", rating)
        self.assertEqual((status, refused["refused"]), (409, "service_not_finished"))  # nobody has looked at it yet
        self.assertEqual(gongji("case", "refuse", made["case"], "--reason", "duplicate")[0], 0)
        status, rated, _ = wechat.send("POST", "/v1/ratings", rating)
        self.assertEqual((status, rated["round"], rated["follow_up"]), (201, 1, True), rated)
        status, again, _ = wechat.send("POST", "/v1/ratings", rating)
        self.assertEqual((status, again["round"]), (200, 1))
        status, bad, _ = wechat.send("POST", "/v1/ratings", dict(rating, grade=6))
        self.assertEqual((status, bad["refused"]), (422, "rating_invalid"))
        status, bad, _ = wechat.send("POST", "/v1/ratings", dict(rating, rated_at="2020-01-01T10:00:00+08:00"))
        self.assertEqual((status, bad["refused"]), (422, "rated_at_invalid"))  # before the service
        status, early, _ = wechat.send("POST", "/v1/ratings", dict(rating, grade=4, rated_at=now[:-6] + "-00:01"))  # a minute later
        self.assertEqual((status, early["refused"]), (409, "follow_up_not_settled"))
        alipay = SERVICE.channel(ALIPAY)
        status, other, _ = alipay.send("POST", "/v1/ratings", rating)
        self.assertEqual((status, other["refused"]), (404, "apply_no_unknown"))  # not its applicant
        alipay.close()
        wechat.close()
        code, follow_ups = gongji("rating", "list", "--follow-up", "open")
        self.assertEqual(code, 0)
        self.assertIn("WX-RATE-1", [r["apply_no"] for r in follow_ups])
        code, verified = gongji("audit", "verify")
        self.assertEqual(code, 0, verified)


class Refusals(unittest.TestCase):
    """Each refusal has its status and code, and stores nothing."""

    def setUp(self):
        self.wechat = SERVICE.channel(WECHAT)
        self.before = online_cases()

    def tearDown(self):
        self.wechat.close()
        self.assertEqual(online_cases(), self.before, "a refused request stored nothing")

    def refused(self, answer, status, code):
        self.assertEqual((answer[0], answer[1]["refused"]), (status, code), answer[1])

    def test_signatures(self):
        body = json.dumps(application("WX-SIG-1")).encode()
        wrong = self.wechat.signed_headers("POST", "/v1/applications", body, secret="0" * 64)
        self.refused(self.wechat.send("POST", "/v1/applications", body, wrong), 401, "signature")
        stale = self.wechat.signed_headers("POST", "/v1/applications", body, timestamp=int(time.time()) - 301)
        self.refused(self.wechat.send("POST", "/v1/applications", body, stale), 401, "signature")
        other_body = self.wechat.signed_headers("POST", "/v1/applications", b"{}")
        self.refused(self.wechat.send("POST", "/v1/applications", body, other_body), 401, "signature")
        unsigned = {"Content-Type": "application/json"}
        self.refused(self.wechat.send("POST", "/v1/applications", body, unsigned), 401, "signature")
        revoked = SERVICE.channel(REVOKED)
        self.refused(revoked.apply(application("WX-SIG-2")), 401, "signature")
        revoked.close()
        unknown = SERVICE.channel({"key_id": "wechat-00000000", "secret": WECHAT["secret"]})
        self.refused(unknown.apply(application("WX-SIG-3")), 401, "signature")
        unknown.close()

    def test_a_replayed_request_is_refused(self):
        target = "/v1/applications/WX-NONE"
        headers = self.wechat.signed_headers("GET", target, b"")
        self.refused(self.wechat.send("GET", target, b"", headers), 404, "apply_no_unknown")
        self.refused(self.wechat.send("GET", target, b"", headers), 401, "signature")

    def test_bodies_that_cannot_be_an_application(self):
        self.refused(self.wechat.send("POST", "/v1/applications", b"{\"apply_no\": "), 422, "json_invalid")
        self.refused(self.wechat.send("POST", "/v1/applications", b"[1, 2]"), 422, "json_invalid")
        bad_id = application("WX-BAD-1", user={"id_number": "450802196708200128", "name": "李秀英"})
        self.refused(self.wechat.apply(bad_id), 422, "id_invalid")
        self.refused(self.wechat.apply(application("WX-BAD-2", relation="1x")), 422, "relation_unknown")
        self.refused(self.wechat.apply(application("WX BAD 3")), 422, "apply_no_invalid")
        missing = application("WX-BAD-4")
        del missing["authorizer"]
        self.refused(self.wechat.apply(missing), 422, "field_missing")
        odd_type = application("WX-BAD-5", materials=[material("passport", "p.png", png())])
        self.refused(self.wechat.apply(odd_type), 422, "document_type_unknown")
        card_read = application("WX-BAD-6", materials=[material("id_card_read", "r.png", png())])
        self.refused(self.wechat.apply(card_read), 422, "card_read_not_a_paper")
        someone_else = application("WX-BAD-8", authorizer={"id_number": ZHANG_WEI, "name": "王五"})
        self.refused(self.wechat.apply(someone_else), 422, "name_mismatch")
        self.refused(self.wechat.apply(application("WX-BAD-9", user={"id_number": ZHANG_WEI})), 422, "same_person")
        nul = application("WX-BAD-10", user={"id_number": LI_XIUYING, "phone": "138\u202e0000\x00"})
        self.assertEqual(self.wechat.apply(nul)[0], 422)
        endless = application("WX-BAD-11", user={"id_number": LI_XIUYING, "phone": "1" * 100000})
        self.refused(self.wechat.apply(endless), 422, "text_too_long")
        not_base64 = application("WX-BAD-7")
        not_base64["materials"][0]["content_base64"] = "***"
        self.assertEqual(self.wechat.apply(not_base64)[0], 422)

    def test_hostile_papers_are_checked_as_a_window_scan_is(self):
        for name in ("doc-png-bomb.png", "doc-pdf-javascript.pdf", "doc-png-truncated.png", "doc-jpeg-with-pdf-appended.jpg"):
            with open(os.path.join(DATA, name), "rb") as f:
                hostile = application("WX-HOSTILE-" + name.split(".")[0], materials=[material("hukou", name, f.read())])
            status, answer, _ = self.wechat.apply(hostile)
            self.assertEqual(status, 422, (name, answer))

    def test_an_unknown_number_or_call(self):
        self.refused(self.wechat.state("WX-NEVER-SENT"), 404, "apply_no_unknown")
        self.refused(self.wechat.send("GET", "/v1/nothing"), 404, "no_such_call")
        self.refused(self.wechat.ack(10 ** 9), 422, "cursor_invalid")
        self.refused(self.wechat.events(10 ** 9), 422, "cursor_invalid")  # never a silent skip of what comes

    def test_a_signature_in_capitals_is_the_same_signature(self):
        headers = self.wechat.signed_headers("GET", "/v1/events?after=0&limit=1", b"")
        headers["X-Gongji-Signature"] = headers["X-Gongji-Signature"].upper()
        self.assertEqual(self.wechat.send("GET", "/v1/events?after=0&limit=1", b"", headers)[0], 200)


class Limits(unittest.TestCase):
    def test_an_oversized_body_is_refused_unread_and_a_key_past_its_rate_waits(self):
        channel = STRICT.channel(WECHAT)
        before = online_cases()
        big = application("WX-BIG-1", materials=[material("hukou", "big.png", os.urandom(1 << 20))])
        status, answer, _ = channel.apply(big)
        self.assertEqual((status, answer["refused"]), (413, "body_too_large"))
        self.assertEqual(online_cases(), before)
        channel.close()
        # Twelve calls at five a minute: a minute's turn may fall among them, never twice.
        limited = []
        for _ in range(12):
            status, answer, headers = channel.events()
            if status == 429:
                limited.append(headers)
        self.assertTrue(limited, "no call was refused")
        self.assertTrue(int(limited[0]["Retry-After"]) > 0)
        channel.close()


@unittest.skipUnless(os.environ.get("INTAKE_BACKEND") == "postgresql", "the database role is PostgreSQL's")
class ServiceRole(unittest.TestCase):
    """What the service's own role cannot do, whatever its program did."""

    def as_intake(self, statement):
        run = subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", os.environ["INTAKE_DB"], "-c", statement],
                             capture_output=True, text=True)
        return run.returncode, run.stderr

    def test_it_cannot_decide_change_a_decision_or_touch_the_audit_log(self):
        wechat = SERVICE.channel(WECHAT)
        self.assertEqual(wechat.apply(application("WX-ROLE-1"))[0], 201)
        self.assertEqual(wechat.apply(application("WX-ROLE-2"))[0], 201)
        decided = wechat.state("WX-ROLE-2")[1]["case"]
        self.assertEqual(gongji("case", "refuse", decided, "--reason", "duplicate")[0], 0)
        wechat.close()
        for statement in ("UPDATE cases SET status = 'approved' WHERE apply_no = 'WX-ROLE-1'",
                          "UPDATE cases SET status = 'submitted' WHERE apply_no = 'WX-ROLE-1'",
                          "UPDATE cases SET status = 'withdrawn' WHERE apply_no = 'WX-ROLE-2'",
                          "UPDATE cases SET note = 'changed' WHERE apply_no = 'WX-ROLE-2'",
                          "UPDATE cases SET channel = 'window' WHERE apply_no = 'WX-ROLE-1'",
                          "UPDATE audit_log SET actor = 'nobody'",
                          "DELETE FROM audit_log",
                          "DELETE FROM audit_heads",
                          "UPDATE documents SET sha256 = 'x'",
                          "DELETE FROM documents",
                          "DELETE FROM bindings WHERE status = 'active'",
                          "UPDATE persons SET balance_fen = 0",
                          "SELECT * FROM users",
                          "UPDATE intake_keys SET revoked_at = NULL",
                          "INSERT INTO ledger SELECT * FROM ledger LIMIT 1",
                          "UPDATE settings SET value = 'x'",
                          "UPDATE ratings SET grade = 5",
                          "DELETE FROM ratings"):
            code, said = self.as_intake(statement)
            self.assertNotEqual(code, 0, statement)
            self.assertRegex(said, "permission denied|the intake service|case .* is decided", statement)
        self.assertEqual(wechat.state("WX-ROLE-2")[1]["state"], "not_accepted")
        self.assertEqual(gongji("audit", "verify")[0], 0)


if __name__ == "__main__":
    unittest.main()
