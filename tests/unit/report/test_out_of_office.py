from datetime import date

import duckdb

from autoresponder.report.out_of_office import mark_listed


def test_mark_listed_keeps_the_first_run_that_listed_each_return_once():
    conn = duckdb.connect()
    rows = [{"lookup_email": "a@x.example", "do_not_contact_until": date(2026, 12, 1)},
            {"lookup_email": "b@x.example", "do_not_contact_until": date(2026, 12, 2)}]
    mark_listed(conn, rows, "run-1")
    mark_listed(conn, [*rows, {"lookup_email": "a@x.example", "do_not_contact_until": date(2027, 1, 5)}], "run-2")
    mark_listed(conn, [], "run-3")
    got = conn.execute("select lookup_email, do_not_contact_until, listed_by_run from report.ooo_back_now "
                       "order by 1, 2").fetchall()
    assert got == [("a@x.example", date(2026, 12, 1), "run-1"), ("a@x.example", date(2027, 1, 5), "run-2"),
                   ("b@x.example", date(2026, 12, 2), "run-1")]
