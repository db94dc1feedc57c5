"""Text in scripts that the bundled fonts lack is measured as it is drawn, and cut only
between clusters: a Thai vowel or tone mark, a Devanagari vowel sign or conjunct, a
decomposed Vietnamese accent never starts a line. Every person here is invented."""

from __future__ import annotations

import unicodedata

import pytest

import orgroles
from orgroles.render import style
from orgroles.render.plan import make_plan

WORDS = [
    "ประธานเจ้าหน้าที่บริหารฝ่ายเทคโนโลยีสารสนเทศ",  # Thai, no spaces, marks of class 0
    "มุ่งมั่นที่จะสร้างสรรค์สิ่งที่ดีที่สุดสำหรับลูกค้า",
    "मुख्यकार्यकारीअधिकारीप्रियाशर्माक्षत्रियज्ञान",  # Devanagari: signs and conjuncts
    unicodedata.normalize("NFD", "Nguyễnthịhươngthủyđặngquốcviệtbùithịngọcánhdươngthịmỹ"),
    "👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻",  # ZWJ sequences
]


def _joined(lines: tuple[str, ...]) -> str:
    """The text of lines cut inside words, less the hyphens the cuts added (the words
    here have none of their own)."""
    return "".join(line.removesuffix("-") for line in lines)


def _starts_a_cluster(line: str) -> bool:
    first = line[0]
    return unicodedata.category(first)[0] != "M" and first != "\u200d"


@pytest.mark.parametrize("word", WORDS)
@pytest.mark.parametrize("width", [40, 60, 90, 130])
def test_a_word_is_cut_between_clusters(word: str, width: int) -> None:
    lines = style.wrap(word, "title", width, 40)
    assert _joined(lines) == word
    assert all(_starts_a_cluster(line) for line in lines), lines
    assert not any(line.endswith(("\u200d", "\u094d")) for line in lines)


def test_marks_drawn_on_a_letter_take_no_room() -> None:
    # SARA II and MAI EK (combining class 0 and 107) stack on TO THAHAN.
    assert style.measure("ที่", "name") == style.measure("ท", "name")
    assert style.measure("ชั้น", "name") == style.measure("ชน", "name")
    assert style.measure("a\u200db", "name") == style.measure("ab", "name")


def test_chinese_and_japanese_are_one_em_a_character() -> None:
    assert style.measure("王伟", "name") == 2 * style.STYLES["name"].size
    assert style.measure("ソフトウェア", "title") == 6 * style.STYLES["title"].size


def test_a_japanese_title_is_not_wrapped_for_its_last_character() -> None:
    org = orgroles.loads(
        "people: [{id: a, name: 伊藤 ゆかり}, {id: b, name: 山田 太郎}]\n"
        "roles: [{id: ceo, title: 代表取締役社長, holder: b},\n"
        "  {id: se, title: ソフトウェアエンジニア, holder: a, reports_to: ceo}]\n"
    )
    box = next(b for b in make_plan(org).boxes if b.role == "se")
    assert [line.text for line in box.lines if line.style == "title"] == ["ソフトウェアエンジニア"]


@pytest.mark.parametrize(
    ("text", "width"),
    [
        ("ソフトウェアエンジニア", 130),
        ("データサイエンティスト", 130),
        ("Wolfeschlegelsteinhausenbergerdorff", 236),
    ],
)
def test_a_word_cut_in_two_leaves_no_lone_character(text: str, width: int) -> None:
    lines = style.wrap(text, "title", width, 3)
    assert _joined(lines) == text
    assert len(lines) == 2
    assert min(len(line) for line in lines) >= 4, lines


def test_japanese_titles_of_a_whole_chart_keep_no_lone_character() -> None:
    people = ", ".join(f"{{id: p{k}, name: 伊藤 ゆかり}}" for k in range(6))
    titles = [
        "代表取締役社長",
        "最高技術責任者",
        "ソフトウェアエンジニア",
        "データサイエンティスト",
    ]
    roles = [f"{{id: r0, title: {titles[0]}, holder: p0}}"] + [
        f"{{id: r{k}, title: {titles[1 + k % 3]}, holder: p{k}, reports_to: r{(k - 1) // 2}}}"
        for k in range(1, 6)
    ]
    org = orgroles.loads(f"people: [{people}]\nroles: [{', '.join(roles)}]\n")
    for box in make_plan(org).boxes:
        assert all(len(line.text) > 1 for line in box.lines), box.lines


GERMAN = [
    "Hauptabteilungsleiterin Unternehmenskommunikationsstrategie",
    "Datenschutzbeauftragter und Informationssicherheitsbeauftragter",
    "Softwareentwicklungsteamleiter Zahlungsverkehrsabwicklungssysteme",
    "Rechnungslegungsvorschriftenumsetzungsreferentin",
    "Personalentwicklungsbeauftragte",
]


def test_a_word_cut_between_two_letters_ends_its_line_with_a_hyphen() -> None:
    """A team of long German titles: "Informationssiche" "rheitsbeauftragter" read as
    two words. A word of Latin (Greek, Cyrillic...) letters cut inside ends its first
    piece with a hyphen, within the box; Thai, Devanagari, Chinese and Japanese, written
    without one, are cut as before."""
    roles = [
        {"id": f"r{k}", "title": t, "reports_to": "r0" if k else None} for k, t in enumerate(GERMAN)
    ]
    org = orgroles.Org(roles=roles)
    plan = make_plan(org)
    hyphens = 0
    for box in plan.boxes:
        lines = [line.text for line in box.lines if line.style == "title"]
        # The title again: a line that ends with a hyphen goes on with the next one's
        # word, the others end between two words.
        text = "".join(ln[:-1] if ln.endswith("-") else f"{ln} " for ln in lines).strip()
        assert box.role is not None
        assert text == org.roles[box.role].title, lines
        assert all(style.measure(ln, "title") <= plan.box_width - 2 * style.PAD_X for ln in lines)
        hyphens += sum(ln.endswith("-") for ln in lines)
    assert hyphens >= 3
    for word in WORDS[:3]:
        assert not any(line.endswith("-") for line in style.wrap(word, "title", 60, 40))
    assert "-" not in "".join(style.wrap("情報セキュリティ責任者" * 3, "title", 100, 3))
