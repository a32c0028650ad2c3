from autoresponder.progress import LineMeter, RichMeter, meter


def test_lines_carry_count_total_share_and_rate_and_a_closing_line():
    lines: list[str] = []
    with meter("classify", 4, log=lines.append, every_s=0) as m:
        for _ in range(4):
            m.advance()
    assert lines[0].startswith("[classify] 1/4 msg (25 %), ") and lines[0].split(", ")[1].endswith("/s")
    assert lines[-1].startswith("[classify] done: 4/4 msg (100 %)")


def test_a_short_stage_prints_nothing_and_a_broken_sink_does_not_stop_it():
    lines: list[str] = []
    with meter("land", None, unit="files", log=lines.append) as m:
        m.advance(3)
    assert lines == []

    def broken(_: str) -> None:
        raise OSError("log closed")

    with meter("land", 2, log=broken, every_s=0) as m:
        m.advance(2)
    assert m.count == 2


def test_without_a_terminal_or_a_sink_progress_goes_to_stderr_as_lines(capsys):
    m = meter("dbt build", unit="nodes", every_s=0)  # pytest's stderr is not a terminal
    assert isinstance(m, LineMeter) and not isinstance(m, RichMeter)
    with m:
        m.advance()
    assert "[dbt build] 1 nodes" in capsys.readouterr().err
