"""`rawparse.message_tree` builds the standard library's compat32 tree, or hands the message back to it."""

import email
import email.message
import email.policy
from pathlib import Path

import pytest

from autoresponder import mime
from autoresponder.rawparse import message_tree, message_tree_from_string


def _dump(m):
    payload = m._payload
    if isinstance(payload, list):
        payload = [_dump(p) for p in payload]
    assert isinstance(m, email.message.Message)
    return (m._headers, payload, [(type(d).__name__, str(d)) for d in m.defects], m._unixfrom,
            m._default_type, m.preamble, m.epilogue)


def _stdlib(raw: bytes):
    return email.message_from_bytes(raw, policy=email.policy.compat32)


DSN = (
    b"From MAILER-DAEMON Mon Jan  1 00:00:00 2024\n"
    b"Return-Path: <>\nFrom: Mail Delivery System <MAILER-DAEMON@mx.example>\nTo: a@b.example\n"
    b"Subject: =?utf-8?q?Unzustellbar=3A_R=C3=BCckmeldung?=\n  (folded)\n"
    b"Content-Type: multipart/report; report-type=delivery-status;\n\tboundary=\"BND\"\n"
    b"MIME-Version: 1.0\n\npreamble line\n--BND\nContent-Description: Notification\n\n"
    b"This is the mail system.\n\n<x@y.example>: host said: 550 5.1.1 unknown user\n\n"
    b"--BND\nContent-Type: message/delivery-status\n\n\nReporting-MTA: dns; mx.example\n"
    b"Arrival-Date: Mon, 1 Jan 2024\n\n\nFinal-Recipient: rfc822; x@y.example\nAction: failed\n"
    b"Status: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1 <x@y.example>:\n    unknown user\n\n"
    b"--BND\nContent-Type: message/rfc822\n\nFrom: me@ours.example\nTo: x@y.example\nSubject: hi\n"
    b"Content-Type: multipart/alternative; boundary=inner\n\n--inner\nContent-Type: text/plain\n\nhello\n"
    b"--inner\nContent-Type: text/html\n\n<p>hello</p>\n--inner--\n\n--BND--\nepilogue\n"
)

CASES = {
    "dsn-lf": DSN,
    "dsn-crlf": DSN.replace(b"\n", b"\r\n"),
    "mixed-line-ends": DSN.replace(b"\n--BND\n", b"\r\n--BND\r\n"),
    "missing-final-boundary": DSN.split(b"--BND--")[0],
    "no-close-inner": b"Content-Type: multipart/mixed; boundary=a\n\n--a\n\nx\n--a\nContent-Type: "
                      b"multipart/alternative; boundary=b\n\n--b\n\ny\n--a--\n",
    "base64-and-qp": b"Content-Type: multipart/mixed; boundary=z\n\n--z\nContent-Type: text/plain; charset=utf-8\n"
                     b"Content-Transfer-Encoding: base64\n\nSGFsbG8gV2VsdCDDpMO2w7wK\n--z\n"
                     b"Content-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: quoted-printable\n\n"
                     b"Gr=FC=DFe, sch=\nade\n--z--\n",
    "latin1-body-and-raw-utf8-header": "Subject: Réponse automatique\nContent-Type: text/plain; charset=iso-8859-1"
                                       "\n\n".encode() + "Je suis absent. Merci.\n".encode("latin-1") + b"\xe9t\xe9\n",
    "unix-from-and-misplaced-from": b"From x@y Mon\nSubject: a\nFrom y@z Tue\nTo: b@c\n\nbody",
    "continuation-first": b" folded first\nSubject: a\n\nbody\n",
    "colon-first": b"Subject: a\n: no name\nTo: b@c\n\nbody\n",
    "no-blank-line": b"Subject: a\nthis is body already\nmore\n",
    "headers-only": b"Subject: a\nTo: b@c",
    "blank-lines-only-headers": b"Subject: a\n \n\nbody\n",
    "no-boundary-param": b"Content-Type: multipart/mixed\n\n--x\n\nbody\n",
    "no-start-boundary": b"Content-Type: multipart/mixed; boundary=q\n\njust text\n",
    "close-boundary-first": b"Content-Type: multipart/mixed; boundary=q\n\nintro\n--q--\nafter\n",
    "bad-multipart-cte": b"Content-Type: multipart/mixed; boundary=q\nContent-Transfer-Encoding: base64\n\n"
                         b"--q\n\nx\n--q--\n",
    "boundary-whitespace-and-prefix": b"Content-Type: multipart/mixed; boundary=q\n\n--qq\n--q \t\n\nx\n--q--  \n",
    "digest": b"Content-Type: multipart/digest; boundary=d\n\n--d\n\nSubject: inner\n\ntext\n--d\n"
              b"Content-Type: text/plain\n\nplain\n--d--\n",
    "rfc822-headers": b"Content-Type: multipart/report; boundary=r\n\n--r\n\nbounce\n--r\n"
                      b"Content-Type: text/rfc822-headers\n\nFrom: me@ours.example\nSubject: x\n\n--r--\n",
    "dsn-block-with-text-line": b"Content-Type: message/delivery-status\n\nReporting-MTA: dns; a\nnot a field\n"
                                b"Action: failed\n\nStatus: 5.0.0\n",
    "global-delivery-status": b"Content-Type: message/global-delivery-status\n\nReporting-MTA: dns; a\n\n"
                              b"Final-Recipient: rfc822; x@y\nStatus: 5.1.1\n",
    "feedback-report": b"Content-Type: multipart/report; report-type=feedback-report; boundary=f\n\n--f\n\nspam\n"
                       b"--f\nContent-Type: message/feedback-report\n\nFeedback-Type: abuse\n\n--f--\n",
    "empty-part-body": b"Content-Type: multipart/mixed; boundary=e\n\n--e\nContent-Type: text/plain\n--e--\n",
    "nested-same-boundary": b"Content-Type: multipart/mixed; boundary=s\n\n--s\nContent-Type: multipart/mixed; "
                            b"boundary=s\n\n--s\n\nx\n--s--\n",
    "form-feed-in-body": b"Subject: a\n\nline\x0cwith\x0bbreaks\x1c\n",
}

FALLBACK = {
    "lone-cr": b"Subject: a\rTo: b@c\n\nbody\n",
    "boundaries-in-a-row": b"Content-Type: multipart/mixed; boundary=q\n\n--q\n--q\n\nx\n--q--\n",
    "boundary-last-line": b"Content-Type: multipart/mixed; boundary=q\n\n--q\n",
    "from-last-header-line": b"Subject: a\nFrom nobody\n\nbody\n",
    "dsn-block-declares-multipart": b"Content-Type: message/delivery-status\n\nContent-Type: multipart/mixed; "
                                    b"boundary=x\n\n",
}


@pytest.mark.parametrize("raw", list(CASES.values()), ids=list(CASES))
def test_the_tree_is_the_standard_librarys(raw: bytes) -> None:
    tree = message_tree(raw)
    assert tree is not None
    assert _dump(tree) == _dump(_stdlib(raw))
    text = raw.decode("utf-8", "replace")
    assert _dump(message_tree_from_string(text)) == _dump(email.message_from_string(text, policy=email.policy.compat32))


@pytest.mark.parametrize("raw", list(FALLBACK.values()), ids=list(FALLBACK))
def test_what_the_scan_does_not_model_goes_to_the_standard_library(raw: bytes, monkeypatch) -> None:
    assert message_tree(raw) is None
    parsed = mime.parse_message(raw)
    monkeypatch.setattr(mime, "message_tree", lambda _raw: None)
    assert parsed.to_json() == mime.parse_message(raw).to_json()


@pytest.mark.parametrize("raw", list(CASES.values()), ids=list(CASES))
def test_parse_message_is_the_same_either_way(raw: bytes, monkeypatch) -> None:
    fast = mime.parse_message(raw).to_json()
    monkeypatch.setattr(mime, "message_tree", lambda _raw: None)
    monkeypatch.setattr(mime, "message_tree_from_string", lambda _text: None)
    assert fast == mime.parse_message(raw).to_json()


def test_every_fixture_message_gives_the_standard_librarys_tree() -> None:
    root = Path(__file__).resolve().parents[1] / "fixtures"
    files = sorted(root.rglob("*.eml"))
    assert len(files) > 900
    for path in files:
        raw = path.read_bytes()
        tree = message_tree(raw)
        if tree is not None:
            assert _dump(tree) == _dump(_stdlib(raw)), path
