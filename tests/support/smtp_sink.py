#!/usr/bin/python3
"""A real SMTP server for the tests (Debian's python3-aiosmtpd).

smtp_sink.py PORT DIR: accepts every message on 127.0.0.1:PORT and writes it
to DIR as NNNNN.json: the envelope, the decoded headers that thread it and its
text and HTML parts. Prints "ready" once listening; stops on SIGTERM.
"""
import json
import os
import signal
import sys
import threading
from email import policy
from email.parser import BytesParser

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, directory):
        self.directory = directory
        self.count = 0
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        message = BytesParser(policy=policy.default).parsebytes(envelope.original_content)
        parts = {}
        for part in message.walk():
            kind = part.get_content_type()
            if kind in ("text/plain", "text/html") and kind not in parts:
                parts[kind] = part.get_content()
        record = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "from": str(message.get("From", "")),
            "to": str(message.get("To", "")),
            "subject": str(message.get("Subject", "")),
            "message_id": str(message.get("Message-ID", "")),
            "in_reply_to": str(message.get("In-Reply-To", "")),
            "references": str(message.get("References", "")),
            "reply_to": str(message.get("Reply-To", "")),
            "auto_submitted": str(message.get("Auto-Submitted", "")),
            "text": parts.get("text/plain", ""),
            "html": parts.get("text/html", ""),
        }
        with self.lock:
            self.count += 1
            name = os.path.join(self.directory, "%05d.json" % self.count)
        with open(name + ".tmp", "w", encoding="utf-8") as f:
            json.dump(record, f, ensure_ascii=False)
        os.rename(name + ".tmp", name)
        return "250 OK"


def main():
    port, directory = int(sys.argv[1]), sys.argv[2]
    controller = Controller(Sink(directory), hostname="127.0.0.1", port=port)
    controller.start()
    print("ready", flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    stop.wait()
    controller.stop()


if __name__ == "__main__":
    main()
