"""A channel's back end as the intake service expects one (interfaces.md third set): every
request signed with the key's secret, over HTTPS, with Python's standard library only. Used by
the intake tests, the kill drill and the benchmark; also an example for a channel's developers."""
import hashlib
import hmac
import http.client
import json
import os
import ssl
import time


class Channel:
    def __init__(self, host, port, key_id, secret, cafile=None, timeout=30):
        self.host, self.port, self.key_id, self.secret = host, port, key_id, secret
        self.context = ssl.create_default_context(cafile=cafile)
        self.timeout = timeout
        self.connection = None

    def signed_headers(self, method, target, body, timestamp=None, nonce=None, secret=None):
        timestamp = str(int(time.time()) if timestamp is None else timestamp)
        nonce = nonce or os.urandom(16).hex()
        digest = hashlib.sha256(body).hexdigest()
        message = "\n".join([method, target, timestamp, nonce, digest]).encode()
        signature = hmac.new((secret or self.secret).encode(), message, hashlib.sha256).hexdigest()
        return {"X-Gongji-Key": self.key_id, "X-Gongji-Timestamp": timestamp, "X-Gongji-Nonce": nonce,
                "X-Gongji-Signature": signature, "Content-Type": "application/json"}

    def send(self, method, target, body=b"", headers=None):
        """(status, parsed JSON answer, headers); one kept-alive connection, opened again when it broke."""
        if isinstance(body, (dict, list)):
            body = json.dumps(body, ensure_ascii=False).encode()
        if headers is None:
            headers = self.signed_headers(method, target, body)
        for attempt in (1, 2):
            try:
                if self.connection is None:
                    self.connection = http.client.HTTPSConnection(self.host, self.port, context=self.context,
                                                                  timeout=self.timeout)
                self.connection.request(method, target, body=body, headers=headers)
                response = self.connection.getresponse()
                raw = response.read()
                return response.status, json.loads(raw) if raw else None, dict(response.getheaders())
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
                self.close()
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def close(self):
        if self.connection is not None:
            self.connection.close()
            self.connection = None

    def apply(self, application):
        return self.send("POST", "/v1/applications", application)

    def state(self, apply_no):
        return self.send("GET", "/v1/applications/" + apply_no)

    def events(self, after=0, limit=100):
        return self.send("GET", "/v1/events?after=%d&limit=%d" % (after, limit))

    def ack(self, cursor):
        return self.send("POST", "/v1/events/ack", {"cursor": cursor})


def material(kind, file_name, data):
    import base64
    return {"type": kind, "file_name": file_name, "content_base64": base64.b64encode(data).decode()}
