"""``tools/render_cards.py``: every card as PNG, and a duplex-ready A4 PDF, nine cards a page."""

from __future__ import annotations

import datetime as dt
import importlib.util
import math
import re
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from game.core.content import load_content

ROOT = Path(__file__).resolve().parents[2]
TOOL = ROOT / "tools" / "render_cards.py"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
DPI = 72  # small pictures keep the tests quick


def _load_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("render_cards", TOOL)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    return module


render_cards = _load_tool()


def run(*args: str | Path) -> int:
    return render_cards.main([str(a) for a in args])


def pdf_pages(path: Path) -> int:
    return len(re.findall(rb"/Type\s*/Page\b", path.read_bytes()))


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data.startswith(PNG_SIGNATURE), f"{path.name} is not a PNG"
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def species_count(data: Path, edition: str | None = None) -> int:
    content = load_content(data, ROOT / "assets", today=dt.date.today())
    editions = [edition] if edition else list(content.editions)
    return sum(len(content.species_in(e)) for e in editions)


def test_renders_every_front_and_one_back_per_edition(mini_data: Path, tmp_path: Path) -> None:
    assert run("--data", mini_data, "--out", tmp_path, "--dpi", DPI) == 0

    content = load_content(mini_data, ROOT / "assets", today=dt.date.today())
    for edition in content.editions:
        folder = tmp_path / "en" / edition
        fronts = sorted(p.stem for p in folder.glob("*.png") if p.name != "_back.png")
        assert fronts == sorted(s.id for s in content.species_in(edition))
        assert (folder / "_back.png").is_file()
    assert not list(tmp_path.rglob("*.tmp"))


def test_pngs_are_card_shaped_at_the_asked_resolution(mini_data: Path, tmp_path: Path) -> None:
    assert run("--data", mini_data, "--out", tmp_path, "--dpi", DPI) == 0

    width = round(63 / 25.4 * DPI)
    pngs = list(tmp_path.rglob("*.png"))
    assert pngs
    for png in pngs:
        assert png_size(png) == (width, round(width * 7 / 5))


def test_pdf_has_a_fronts_page_and_a_backs_page_per_nine_cards(
    mini_data: Path, tmp_path: Path
) -> None:
    assert run("--data", mini_data, "--out", tmp_path, "--dpi", DPI) == 0

    pdf = tmp_path / "cards-en.pdf"
    assert pdf.read_bytes().startswith(b"%PDF-")
    assert pdf.read_bytes().rstrip().endswith(b"%%EOF")
    assert pdf_pages(pdf) == math.ceil(species_count(mini_data) / 9) * 2


def test_bundled_edition_fills_several_sheets(tmp_path: Path) -> None:
    data = ROOT / "data"
    assert run("--data", data, "--out", tmp_path, "--edition", "forest", "--dpi", DPI) == 0

    count = species_count(data, "forest")
    assert len(list((tmp_path / "en" / "forest").glob("*.png"))) == count + 1
    assert not (tmp_path / "en" / "ocean").exists()
    assert pdf_pages(tmp_path / "cards-forest-en.pdf") == math.ceil(count / 9) * 2


def test_chinese_cards_go_to_their_own_folder_and_pdf(mini_data: Path, tmp_path: Path) -> None:
    assert run("--data", mini_data, "--out", tmp_path, "--lang", "zh-Hans", "--dpi", DPI) == 0

    assert list((tmp_path / "zh-Hans").rglob("*.png"))
    assert (tmp_path / "cards-zh-Hans.pdf").is_file()
    assert not (tmp_path / "en").exists()


@pytest.mark.parametrize("count", range(1, 30))
def test_each_back_is_printed_behind_its_front(count: int) -> None:
    sheets = render_cards.layout(count)

    assert len(sheets) == math.ceil(count / 9)
    placed = [slot.index for sheet in sheets for slot in sheet.fronts]
    assert placed == list(range(count))
    for sheet in sheets:
        backs = {slot.index: slot for slot in sheet.backs}
        for front in sheet.fronts:
            back = backs[front.index]
            # a long-edge flip mirrors left and right and keeps top and bottom
            assert back.x == pytest.approx(render_cards.PAGE_W - front.x - render_cards.CARD_W)
            assert back.y == pytest.approx(front.y)


def test_cards_fit_on_the_page_without_overlapping() -> None:
    sheet = render_cards.layout(9)[0]
    w, h = render_cards.CARD_W, render_cards.CARD_H
    for slot in sheet.fronts:
        assert slot.x >= 5 and slot.x + w <= render_cards.PAGE_W - 5
        assert slot.y >= 5 and slot.y + h <= render_cards.PAGE_H - 5
    corners = {(round(s.x, 3), round(s.y, 3)) for s in sheet.fronts}
    assert len(corners) == 9
    assert 60 <= w <= 66 and 85 <= h <= 91


def test_unknown_edition_is_a_usage_error_with_a_hint(
    mini_data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("--data", mini_data, "--out", tmp_path, "--edition", "oceans") == 2

    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0
    assert "unknown edition 'oceans'" in err and "did you mean 'ocean'?" in err
    assert not list(tmp_path.iterdir())


def test_dpi_out_of_range_is_a_usage_error(
    mini_data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("--data", mini_data, "--out", tmp_path, "--dpi", "5") == 2
    assert "--dpi" in capsys.readouterr().err


def test_missing_data_folder_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("--data", tmp_path / "nowhere", "--out", tmp_path / "out") == 2
    assert "no data folder" in capsys.readouterr().err


def test_broken_content_lists_its_problems_and_exits_1(
    mini_data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    shutil.copytree(mini_data, data)
    species = data / "species.yaml"
    species.write_text(
        species.read_text(encoding="utf-8").replace("category: EN", "category: XX", 1),
        encoding="utf-8",
    )

    assert run("--data", data, "--out", tmp_path / "out", "--dpi", DPI) == 1

    err = capsys.readouterr().err
    assert "species.yaml:" in err and "error" in err
    assert "Traceback" not in err
    assert not (tmp_path / "out").exists()


def test_an_unwritable_output_folder_exits_1(
    mini_data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")

    assert run("--data", mini_data, "--out", blocker, "--dpi", DPI) == 1

    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1].startswith("render_cards: cannot write")


def test_runs_as_a_script_from_any_folder(mini_data: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            str(TOOL),
            "--data",
            str(mini_data),
            "--out",
            str(tmp_path / "out"),
            "--dpi",
            str(DPI),
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    assert "rendering cards:" in result.stderr
    assert "Traceback" not in result.stderr
    assert (tmp_path / "out" / "cards-en.pdf").is_file()


def test_contact_sheet_is_one_png_per_edition_with_every_card(
    mini_data: Path, tmp_path: Path
) -> None:
    assert run("--data", mini_data, "--out", tmp_path, "--contact-sheet") == 0

    content = load_content(mini_data, ROOT / "assets", today=dt.date.today())
    sheets = sorted(p.name for p in tmp_path.glob("*.png"))
    assert sheets == sorted(f"contact-{e}-en.png" for e in content.editions)
    card_w, card_h = 250, 350
    for edition in content.editions:
        count = len(content.species_in(edition))
        width, height = png_size(tmp_path / f"contact-{edition}-en.png")
        columns = min(render_cards.SHEET_COLUMNS, max(1, count))
        assert width >= columns * card_w
        assert height >= math.ceil(count / columns) * card_h
    assert not list(tmp_path.glob("*.pdf"))


def test_print_files_render_the_svg_art_at_print_resolution(
    mini_data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pygame

    sizes: list[tuple[int, int]] = []
    real = pygame.image.load_sized_svg

    def recording(file: object, size: tuple[int, int]) -> pygame.Surface:
        sizes.append(tuple(size))
        return real(file, size)

    monkeypatch.setattr(pygame.image, "load_sized_svg", recording)
    assert run("--data", mini_data, "--out", tmp_path, "--dpi", 300, "--edition", "ocean") == 0

    card_px = render_cards.card_width_px(300)
    assert sizes, "no SVG art was rendered"
    assert max(width for width, _ in sizes) >= 0.7 * card_px  # not an upscaled thumbnail
