r"""All the escaping of user text for every output format: DOT, HTML-like labels, SVG, Mermaid.

Every name, title, id or team label that reaches a chart goes through one of these
functions, so that it is shown as plain text and never interpreted. Nothing else in
`orgroles.render` builds markup from user text.

Examples:
    >>> dot_html('<script>alert(1)</script>')
    '&lt;script&gt;alert(1)&lt;/script&gt;'
    >>> mermaid_text('"; click n0 href')
    '#34;#59; click n0 href'
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from urllib.parse import quote as _url_quote
from urllib.parse import urlsplit

import graphviz

__all__ = [
    "SAFE_URL_SCHEMES",
    "clean",
    "css_class",
    "dot_html",
    "dot_lines",
    "dot_text",
    "html_attr",
    "mailto",
    "mermaid_text",
    "safe_url",
    "typst_string",
    "xml_attr",
    "xml_text",
]

SAFE_URL_SCHEMES = ("http", "https", "mailto")
"""The only URL schemes a chart links to (no `javascript:`, `data:` or `file:`)."""

# What clean() has to act on: control characters (C0, DEL, C1), line and paragraph
# separators, bidirectional overrides (which can make text read as something else),
# non-characters and lone surrogates (which no UTF-8 file can hold), and white space
# at an end or doubled.
_NEEDS_CLEANING = re.compile(
    "[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufffe\uffff\ud800-\udfff]"
    r"|^\s|\s$|\s\s"
)
# The same, plus the characters that XML escapes: text without any needs no work.
_NEEDS_XML_WORK = re.compile(_NEEDS_CLEANING.pattern + r"|[&<>\"']")
_INVISIBLE = re.compile("[\u202a-\u202e\u2066-\u2069]")
_BROKEN = re.compile("[\ufffe\uffff\ud800-\udfff]")
_SPACES = re.compile("[\\s\x00-\x1f\x7f-\x9f\u2028\u2029]+")


def clean(text: str) -> str:
    r"""Return `text` as one line of plain, printable text.

    Control characters and line breaks become spaces, runs of white space shrink to one,
    bidirectional overrides are dropped, and characters that no UTF-8 file can hold
    become U+FFFD. Every other character, emoji included, is kept.

    Examples:
        >>> clean("  Ana\nLima\t(CTO) ")
        'Ana Lima (CTO)'
        >>> clean("a\x00b\x1bc")
        'a b c'
        >>> clean("evil\u202egnp.exe")
        'evilgnp.exe'
        >>> clean("half \ud800 pair")
        'half \ufffd pair'
        >>> clean("Zoé 🚀")
        'Zoé 🚀'
    """
    if _NEEDS_CLEANING.search(text) is None:
        return text
    text = _INVISIBLE.sub("", text)
    text = _BROKEN.sub("\ufffd", text)
    return _SPACES.sub(" ", text).strip()


# -- DOT ------------------------------------------------------------------------------


def dot_text(text: str) -> str:
    r"""Return user text as a DOT escString value that reads literally.

    Backslashes are doubled through `graphviz.escape()`, so that `\N` or `\G`
    are not expanded by Graphviz, and the result is marked as no HTML, so that
    `<b>` is quoted as a string. Quotes are escaped when the value is quoted.

    Examples:
        >>> from graphviz.quoting import quote
        >>> print(quote(dot_text(r"\N and \G")))
        "\\N and \\G"
        >>> print(quote(dot_text('"; rankdir=LR')))
        "\"; rankdir=LR"
        >>> print(quote(dot_text("<b>bold</b>")))
        "<b>bold</b>"
        >>> print(quote(dot_text("ops:east")))
        "ops:east"
        >>> print(quote(dot_text("ends with \\")))
        "ends with \\"
    """
    escaped: str = graphviz.escape(clean(text))
    return escaped


def dot_lines(lines: Iterable[str]) -> str:
    r"""Return lines of user text as one DOT escString, with `\n` between them.

    Examples:
        >>> from graphviz.quoting import quote
        >>> print(quote(dot_lines(["first", "a\\b", 'say "hi"'])))
        "first\na\\b\nsay \"hi\""
    """
    joined: str = graphviz.nohtml("\\n".join(dot_text(line) for line in lines))
    return joined


def dot_html(text: str) -> str:
    r"""Return user text escaped for a Graphviz HTML-like label.

    `<>&"'` and `]` become entities (Graphviz's label reader fails on a `]` right after
    a tag, as in `<B>]</B>`), and backslashes are doubled: Graphviz expands `\N`,
    `\G` and `\\` in HTML-like labels too, after reading the entities. The result
    only ever goes between the tags of a label template, never into a tag.

    Examples:
        >>> print(dot_html('a & b <i>"quoted"</i>'))
        a &amp; b &lt;i&gt;&quot;quoted&quot;&lt;/i&gt;
        >>> print(dot_html(r"\N, \G and \l stay"))
        \\N, \\G and \\l stay
        >>> print(dot_html("]]> -->"))
        &#93;&#93;&gt; --&gt;
    """
    escaped = html.escape(clean(text), quote=True).replace("\\", "\\\\")
    return escaped.replace("]", "&#93;") if "]" in escaped else escaped


# -- SVG / XML -------------------------------------------------------------------------


def xml_text(text: str) -> str:
    """Return user text for an XML text node.

    Examples:
        >>> xml_text("<script>alert('x')</script> & ]]>")
        "&lt;script&gt;alert('x')&lt;/script&gt; &amp; ]]&gt;"
    """
    if _NEEDS_XML_WORK.search(text) is None:
        return text  # the common case, made fast for charts of 100,000 boxes
    return html.escape(clean(text), quote=False)


def xml_attr(text: str) -> str:
    """Return user text for a double-quoted XML attribute value.

    Examples:
        >>> xml_attr('x" onload="alert(1)')
        'x&quot; onload=&quot;alert(1)'
    """
    if _NEEDS_XML_WORK.search(text) is None:
        return text  # nothing to clean or escape: a chart's e-mail links, mostly
    return html.escape(clean(text), quote=True)


def html_attr(text: str) -> str:
    """Return text for a double-quoted HTML attribute, escaped but not cleaned: for text
    that is already safe to show, such as a whole page put in an `<iframe srcdoc>`.

    Examples:
        >>> html_attr('<p class="x">Tom & Jerry</p>')
        '&lt;p class=&quot;x&quot;&gt;Tom &amp; Jerry&lt;/p&gt;'
    """
    return html.escape(text, quote=True)


def css_class(name: str) -> str:
    """Return a CSS class or Mermaid class name made from a user word (a family name).

    Only lower-case letters, digits and hyphens are kept; nothing is ever empty.

    Examples:
        >>> css_class("Tech")
        'tech'
        >>> css_class("R&D / Labs")
        'r-d-labs'
        >>> css_class("<>")
        'x'
    """
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return slug or "x"


# -- typst ----------------------------------------------------------------------------


def typst_string(text: str) -> str:
    r"""Return user text as a typst string literal, quotes included: a value, never markup.

    PNG and PDF are compiled by typst from fixed markup; the only user text in it is the
    document's title, passed this way (the chart itself is in SVG files).

    Examples:
        >>> print(typst_string('Acme "R&D" #import \\ $x$'))
        "Acme \"R&D\" #import \\ $x$"
        >>> typst_string("line\nbreak")
        '"line break"'
    """
    return '"' + clean(text).replace("\\", "\\\\").replace('"', '\\"') + '"'


# -- Mermaid ---------------------------------------------------------------------------

_MERMAID_PLAIN = frozenset(" -_.,/+'()!?@:")


def mermaid_text(text: str) -> str:
    """Return user text for a quoted Mermaid label.

    Letters, digits, spaces and `-_.,/+'()!?@:` are kept; every other character becomes a
    Mermaid entity code (`#60;`), so that a label cannot close its quotes, start a
    `%%{init}%%` directive, a comment, a `click` line or HTML.

    Examples:
        >>> mermaid_text('<img src=x onerror=alert(1)>')
        '#60;img src#61;x onerror#61;alert(1)#62;'
        >>> mermaid_text("%%{init: {'theme': 'dark'}}%%")
        "#37;#37;#123;init: #123;'theme': 'dark'#125;#125;#37;#37;"
        >>> mermaid_text("Zoé & Léa #1")
        'Zoé #38; Léa #35;1'
    """
    plain = _MERMAID_PLAIN
    return "".join(c if c.isalnum() or c in plain else f"#{ord(c)};" for c in clean(text))


# -- URLs ------------------------------------------------------------------------------


def safe_url(url: object) -> str | None:
    """Return `url` if it is an http, https or mailto URL, else None.

    Examples:
        >>> safe_url("https://wiki.example/team")
        'https://wiki.example/team'
        >>> safe_url("mailto:ana@example.org")
        'mailto:ana@example.org'
        >>> safe_url("javascript:alert(1)") is None
        True
        >>> safe_url(" JavaScript:alert(1)") is None
        True
        >>> safe_url("data:text/html,<b>x</b>") is None
        True
        >>> safe_url("https:///no-host") is None
        True
        >>> safe_url("https://ok.example/a b") is None
        True
    """
    if not isinstance(url, str) or not url or len(url) > 2000:
        return None
    if any(c.isspace() or ord(c) < 32 or c in '<>"\\`' for c in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in SAFE_URL_SCHEMES:
        return None
    if scheme in ("http", "https") and not parts.netloc:
        return None
    if scheme == "mailto" and not parts.path:
        return None
    return url


def mailto(email: str | None) -> str | None:
    """Return a `mailto:` URL for an e-mail address, or None when there is none.

    Examples:
        >>> mailto("yanis@tiny.example")
        'mailto:yanis@tiny.example'
        >>> mailto('a"b <x>@example.org')
        'mailto:a%22b%20%3Cx%3E@example.org'
        >>> mailto("") is None
        True
    """
    if not email:
        return None
    if len(email) < 1000 and _PLAIN_EMAIL.match(email):
        return "mailto:" + email  # the common case: nothing to quote, nothing unsafe
    return safe_url("mailto:" + _url_quote(clean(email), safe="@+.-_"))


# Addresses that mailto() leaves as they are: checking them costs more than the rest of
# a chart's box at 100,000 boxes.
_PLAIN_EMAIL = re.compile(r"[A-Za-z0-9._+-]+@[A-Za-z0-9.-]+\Z")
