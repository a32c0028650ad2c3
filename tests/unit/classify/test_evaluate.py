"""`eval-corpus` scores the extracted fields and hard/soft of the labelled rows, and ignores unknown columns."""

from email.message import EmailMessage

from autoresponder.classify.evaluate import evaluate


def _eml(body: str, sender: str = "Ida Berg <ida.berg@fjord-capital.com>") -> bytes:
    m = EmailMessage()
    m["From"] = sender
    m["To"] = "research@example-research.com"
    m["Subject"] = "Automatic reply: Q4 outlook"
    m["Date"] = "Wed, 18 Nov 2026 10:00:00 +0000"
    m["Auto-Submitted"] = "auto-replied"
    m.set_content(body)
    return m.as_bytes()


def test_fields_are_compared_only_on_rightly_labelled_rows(tmp_path):
    (tmp_path / "moved.eml").write_bytes(_eml(
        "I have left Fjord Capital and joined Harbour Lane Capital. You can reach me at ida.berg@harbourlane.com."))
    (tmp_path / "title.eml").write_bytes(_eml("I have been appointed Head of Credit."))
    (tmp_path / "labels.csv").write_text(
        "file,label,reason,return_date,new_email,new_org,new_title,replacement_email,extra_column\n"
        "moved.eml,INACTIVE,moved_to_other_org,,ida.berg@harbourlane.com,Harbour Lane Capital,,,x\n"
        "title.eml,TITLE_UPDATE,new_title,,,,Chief Credit Officer,,y\n", encoding="utf-8")
    r = evaluate(tmp_path, tmp_path / "labels.csv")
    assert r["precision_decided"] == 1.0
    assert r["fields"]["new_email"] == {"n": 1, "agreement": 1.0}
    assert r["fields"]["new_org"] == {"n": 1, "agreement": 1.0}
    assert r["fields"]["new_title"] == {"n": 1, "agreement": 0.0}  # "Head of Credit" is not the label's title
