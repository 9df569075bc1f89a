"""The certificate PDF: one A4 page in any of the game's scripts, written where asked."""

from __future__ import annotations

from pathlib import Path

from game.ui import certificate

FONTS = Path(__file__).resolve().parents[2] / "assets" / "fonts"


def _text(name: str) -> certificate.CertificateText:
    return certificate.CertificateText(
        heading="荣誉证书",
        awarded_to="特此颁发给",
        name=name,
        achievement="表彰你集齐了海洋特别版的全部 44 个物种",
        energy="13,200 克绿色能量：二氧化碳当量 CO₂e",
        species="鲸鲨、大白鲨",
        date="日期：2026年11月23日",
        signature="EcoCards",
        colour=(30, 100, 170),
    )


def test_a_certificate_is_one_a4_page_even_in_chinese() -> None:
    data = certificate.render(_text("小明"), FONTS)
    assert data.startswith(b"%PDF")
    assert b"/Count 1" in data
    assert b"/MediaBox [0 0 841.89 595.28]" in data  # A4 landscape, in points


def test_the_file_name_keeps_the_childs_name_in_any_script() -> None:
    name = certificate.file_name("小明 / Mia", "ocean", "2026-11-23")
    assert name == "小明-Mia-ocean-2026-11-23.pdf"


def test_a_name_of_symbols_only_still_gives_a_file_name() -> None:
    assert certificate.file_name("../..", "forest", "2026-11-23") == "player-forest-2026-11-23.pdf"


def test_saving_makes_the_folder_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    folder = tmp_path / "prints"
    path = certificate.save(_text("Mia"), FONTS, folder, "Mia-ocean-2026-11-23.pdf")
    assert path.parent == folder and path.read_bytes().startswith(b"%PDF")
    assert [p.name for p in folder.iterdir()] == [path.name]
