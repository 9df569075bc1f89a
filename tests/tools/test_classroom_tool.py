"""tools/classroom.py: roster import, the class report (CSV, HTML), certificates, card sheets."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from game.core.content import Content, load_content
from game.core.ledger import PlayerState
from game.saves.class_data import read_class, read_entries
from game.saves.classroom import ClassStore
from game.saves.profiles import SaveStore
from tools.class_fixture import build_class
from tools.class_print import Certificate, completed_editions, write_card_sheets, write_certificates
from tools.classroom import certificates_of, main

ROOT = Path(__file__).resolve().parents[2]
PAGE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


@pytest.fixture(scope="module")
def decks(tmp_path_factory: pytest.TempPathFactory) -> Content:
    cache = tmp_path_factory.mktemp("cache")
    return load_content(
        ROOT / "data", ROOT / "assets", cache_dir=cache, today=dt.date(2026, 11, 23)
    )


@pytest.fixture(scope="module")
def klass(tmp_path_factory: pytest.TempPathFactory, decks: Content) -> ClassStore:
    saves = tmp_path_factory.mktemp("class") / "saves"
    return build_class(saves, decks, students=4, entries=4 * 900, seed=3)


def pages(path: Path) -> int:
    data = path.read_bytes()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    return len(PAGE.findall(data))


def test_roster_import_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    roster = tmp_path / "class.csv"
    roster.write_bytes("\ufeffname,group\nMia,Blue\n李明,Red\n".encode())
    saves = tmp_path / "saves"
    assert main(["--saves", str(saves), "roster", "import", str(roster)]) == 0
    assert main(["--saves", str(saves), "roster", "list"]) == 0
    out = capsys.readouterr().out
    assert "Mia  (Blue)" in out and "李明  (Red)" in out


def test_malformed_roster_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    roster = tmp_path / "class.csv"
    roster.write_text("name\nMia\n\n" + "x" * 40 + "\n")
    saves = tmp_path / "saves"
    assert main(["--saves", str(saves), "roster", "import", str(roster)]) == 1
    err = capsys.readouterr().err
    assert f"{roster}:4: " in err
    assert ClassStore(SaveStore(saves)).students() == []


def test_csv_has_one_row_per_student_with_their_totals(
    klass: ClassStore, decks: Content, tmp_path: Path
) -> None:
    out = tmp_path / "report.csv"
    assert main(["--saves", str(klass.store.root), "report", "--csv", str(out)]) == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    students = klass.students()
    assert [r["name"] for r in rows] == [s.name for s in students]
    for row, student in zip(rows, students, strict=True):
        state = PlayerState.from_entries(read_entries(klass.store, student.profile_id))
        assert int(row["energy_g"]) == state.balance
        assert int(row["co2e_g"]) == state.earned_total
        categories = sum(int(v) for k, v in row.items() if k.startswith("co2e_") and k != "co2e_g")
        assert categories == state.earned_total
        editions = sum(int(v) for k, v in row.items() if k.startswith("species_"))
        assert editions == len(state.owned)
        assert int(row["quiz_asked"]) >= int(row["quiz_right"])


def test_csv_never_starts_a_cell_with_a_formula(tmp_path: Path, decks: Content) -> None:
    klass = ClassStore(SaveStore(tmp_path / "saves"))
    klass.add_student("=1+2", dt.datetime(2026, 1, 5))
    out = tmp_path / "r.csv"
    assert main(["--saves", str(klass.store.root), "report", "--csv", str(out)]) == 0
    assert "'=1+2" in out.read_text(encoding="utf-8")


def test_html_report_is_self_contained(klass: ClassStore, tmp_path: Path) -> None:
    klass.add_student("<b>Zed</b>", dt.datetime(2026, 1, 5))
    out = tmp_path / "report.html"
    for lang in ("en", "zh-Hans"):
        assert (
            main(["--saves", str(klass.store.root), "report", "--html", str(out), "--lang", lang])
            == 0
        )
        text = out.read_text(encoding="utf-8")
        assert "<svg" in text and "&lt;b&gt;Zed&lt;/b&gt;" in text and "<b>Zed" not in text
        assert not re.search(r"<(script|link|img|iframe)\b|url\(|@import|src=", text)
        assert "http://" not in text.replace('xmlns="http://www.w3.org/2000/svg"', "")
        assert "https://" not in text
        for student in klass.students():
            assert student.name.replace("<", "&lt;").replace(">", "&gt;") in text


@pytest.mark.skipif(shutil.which("chromium") is None, reason="chromium is not installed")
def test_html_report_renders_in_headless_chromium(klass: ClassStore, tmp_path: Path) -> None:
    from PIL import Image

    report = tmp_path / "report.html"
    shot = tmp_path / "shot.png"
    assert main(["--saves", str(klass.store.root), "report", "--html", str(report)]) == 0
    subprocess.run(
        [
            "chromium",
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            f"--user-data-dir={tmp_path / 'profile'}",
            f"--screenshot={shot}",
            "--window-size=1000,1400",
            report.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    with Image.open(shot) as image:
        colours = image.convert("RGB").getcolors(maxcolors=1_000_000)
    assert colours is not None and len(colours) > 50  # text and charts, not a blank page
    assert any(r < 80 and g > 100 and b < 80 for _, (r, g, b) in colours)  # the green bars


def test_a_certificate_per_completed_edition(
    klass: ClassStore, decks: Content, tmp_path: Path
) -> None:
    certificates = certificates_of(klass, decks)
    expected = 0
    for student in klass.students(archived=False):
        state = PlayerState.from_entries(read_entries(klass.store, student.profile_id))
        expected += len(completed_editions(state, decks))
    assert len(certificates) == expected
    out = tmp_path / "certs.pdf"
    assert main(["--saves", str(klass.store.root), "certificates", "--pdf", str(out)]) == 0
    assert pages(out) == expected


def test_certificate_holds_the_name_in_both_languages(decks: Content, tmp_path: Path) -> None:
    edition = next(iter(decks.editions.values()))
    out = tmp_path / "c.pdf"
    assert write_certificates([Certificate("小明 Mia", edition, dt.date(2026, 6, 1))], out) == 1
    assert pages(out) == 1
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
        assert "小明 Mia" in text and edition.title.get("en") in text
        assert edition.title.get("zh-Hans") in text


@pytest.mark.parametrize("lang", ["en", "zh-Hans"])
def test_card_sheets_front_and_back(decks: Content, tmp_path: Path, lang: str) -> None:
    owned = sorted(decks.species)[:11]  # two sheets of nine
    out = tmp_path / "cards.pdf"
    assert write_card_sheets(decks, owned, lang, out, name="Mia", dpi=72) == 4
    assert pages(out) == 4


def test_card_sheets_need_a_card(decks: Content, tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        write_card_sheets(decks, [], "en", tmp_path / "x.pdf", name="Mia")


def test_class_totals_match_the_rows(klass: ClassStore, decks: Content) -> None:
    totals = read_class(klass, decks)
    assert totals.co2e_g == sum(r.co2e_g for r in totals.rows)
    owned = set()
    for student in klass.students():
        owned |= set(PlayerState.from_entries(read_entries(klass.store, student.profile_id)).owned)
    assert totals.album == owned
