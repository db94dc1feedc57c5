"""Job titles written in scripts other than the Latin alphabet: Chinese, Japanese, Korean
and Arabic.

Chinese and Japanese write a title without spaces, and Korean joins its words in
compounds ("인사팀장", the head of the HR team): each of their characters is read as a
word, so that a pattern written as the language writes it ("软件工程师", "営業部長") is
found inside a title as a run of characters, as a pattern of Latin words is found as a run
of words. Arabic words are read whole, without the article that is joined to them
("المدير التنفيذي" is read as "مدير تنفيذي").

Examples:
    >>> split_scripts("高级软件工程师")
    ['高', '级', '软', '件', '工', '程', '师']
    >>> split_scripts("senior"), split_scripts("المدير")
    (['senior'], ['مدير'])
    >>> cut(["高", "级", "软", "件", "工", "程", "师"], 2)
    ['高', '级', '软', '件', '工', '程']
"""

from __future__ import annotations

import re

from orgroles.model import Seniority

__all__ = ["LEVEL_WORDS", "SCRIPT_TOKENS", "cut", "script_word", "split_scripts"]

LEVEL_WORDS: dict[Seniority, str] = {
    "junior": "初级, 实习生, 实习, ジュニア, インターン, 주니어, 인턴, 신입, متدرب, stajyer",
    "senior": "高级, 资深, 高級, 資深, シニア, 上級, 시니어, 선임, أول, kidemli",
    "lead": "组长, 組長, 班长, リーダー, チームリーダー, 班長, takim lideri, ekip lideri",
    "manager": "经理, 經理, 主管, マネージャー, マネジャー, 課長, kacho, 매니저, 팀장, "
    "مدير, müdür, müdürü, yönetici, yöneticisi",
    "director": "总监, 總監, 部長, 本部長, bucho, honbucho, ディレクター, 이사, 본부장, 부장, "
    "direktör, direktörü",
    "vp": "副总裁, 副總裁, 副社長, 부사장, نائب الرئيس",
    "chief": "首席, 总裁, 總裁, 最高, 社長, 최고",
}
"""The seniority words of Chinese, Japanese, Korean, Arabic and Turkish titles, as
written, but the Turkish dotless i, which titles are read without (see `_title_text`):
"高级" and "シニア" are senior, "经理" a manager, "部長" (and in Latin letters "Bucho")
and "이사" directors, "首席" and "社長" chiefs."""

_CHARACTERS = (
    "\u3040-\u30fa\u30fc-\u30ff"  # hiragana and katakana, but the middle dot "・"
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # Chinese characters (kanji, hanja)
    "\uac00-\ud7a3"  # Hangul syllables
)
_ARABIC = "\u0621-\u063a\u0641-\u064a\u0671-\u06d3"  # letters, not the tatweel "ـ"
SCRIPT_TOKENS = f"([{_CHARACTERS}])|([{_ARABIC}]+)"
"""Two groups of a regular expression: one character of Chinese, Japanese or Korean, or
an Arabic word (to follow a first group of Latin words)."""

_ARTICLE = "\u0627\u0644"  # "al-", written joined to the word it goes with
_CHARACTER = re.compile(f"[{_CHARACTERS}]")
_PER_WORD = 3  # a character says about a third of what a word of Latin letters says


def script_word(match: re.Match[str], first: int) -> str | None:
    """The word a token of `SCRIPT_TOKENS` (whose groups begin at `first`) stands for:
    the character, or the Arabic word without its article; None for no such token."""
    character = match.group(first)
    if character is not None:
        return character
    word = match.group(first + 1)
    if word is not None and word.startswith(_ARTICLE) and len(word) > len(_ARTICLE) + 1:
        return word[len(_ARTICLE) :]
    return word


_SPLIT = re.compile(f"[a-z0-9&]+|{SCRIPT_TOKENS}")


def split_scripts(phrase: str) -> list[str]:
    """The words of a folded phrase as titles are read: each character of Chinese,
    Japanese or Korean a word, an Arabic word without its article."""
    out: list[str] = []
    for match in _SPLIT.finditer(phrase):
        word = script_word(match, 1)
        out.append(match.group(0) if word is None else word)
    return out


def cut(words: list[str], limit: int) -> list[str]:
    """The first words of a segment that are read: `limit` words, where a character of
    Chinese, Japanese or Korean counts as a third of one."""
    budget = limit * _PER_WORD
    for at, word in enumerate(words):
        budget -= 1 if _CHARACTER.fullmatch(word) else _PER_WORD
        if budget < 0:
            return words[:at]
    return words
