"""The health report as one self-contained, offline HTML page, with no script at all.

The page holds its style (allowed by hash) and its charts as inline SVG, made safe for a
policy without `'unsafe-inline'` (`orgroles.health.svg`). Its
Content-Security-Policy allows no script, no request and no other style, as the
explorer's does. Every text from the org is cleaned
(`clean()`), escaped, and set in a `<bdi>` element so that
a right-to-left name cannot reorder the text around it. Roles are linked by number
(`#role-3`), never by their ids, which are user text. The numbers of every chart are
also in a table under it.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from orgroles._version import __version__
from orgroles.health.markup import PageText, details, esc, page_css, table
from orgroles.health.plots import DRAW
from orgroles.health.sections import UNKNOWN, Cited, Numbers
from orgroles.health.words import word
from orgroles.render.html import content_security_policy
from orgroles.render.quoting import clean

if TYPE_CHECKING:
    from orgroles.health.sections import Headline
    from orgroles.rules.report import Violation

__all__ = ["build_page", "page_css"]


# -- the sections -------------------------------------------------------------------------


def _headline(p: PageText) -> str:
    h = p.n.headline
    low, high = p.n.targets.layers_for(h.roles)
    before = p.n.changes.before if p.n.changes is not None else None
    since = p.n.changes.since.isoformat() if p.n.changes is not None else ""
    layers_hint = (
        p.w("layers_hint_one", high=high) if low == high else p.w("layers_hint", low=low, high=high)
    )
    tiles = [
        ("headcount", h.headcount, p.num(h.headcount), p.w("headcount_hint"), False),
        ("seats", h.seats, p.num(h.seats), p.w("seats_hint"), False),
        ("vacancies", h.vacancies, p.num(h.vacancies), p.w("vacancies_hint"), False),
        ("planned", h.planned, p.num(h.planned), p.w("planned_hint"), False),
        ("layers", h.layers, p.num(h.layers), layers_hint, h.layers > high),
        ("median_span", h.median_span, p.dec(h.median_span), p.w("span_hint"), False),
        ("mean_span", h.mean_span, p.dec(h.mean_span), p.w("span_hint"), False),
        (
            "manager_ratio",
            h.manager_ratio,
            p.dec(h.manager_ratio),
            p.w("manager_ratio_hint"),
            False,
        ),
    ]
    out = ['<div class="kpis">']
    for key, value, shown, hint, off in tiles:
        delta = _delta(p, key, h, before, since)
        out.append(
            f'<div class="kpi{" off" if off else ""}" data-key="{key}">'
            f'<div class="label">{p.w(key)}</div>'
            f'<div class="value" data-value="{value}">{shown}</div>'
            f'<div class="hint">{hint}</div>{delta}</div>'
        )
    out.append("</div>")
    return "".join(out)


def _delta(p: PageText, key: str, now: Headline, before: Headline | None, since: str) -> str:
    if before is None:
        return ""
    a, b = getattr(before, key), getattr(now, key)
    if a is None or b is None:
        return ""
    change = b - a
    text = p.dec(abs(change)) if isinstance(change, float) else p.num(abs(change))
    sign = "+" if change > 0 else "\u2212" if change < 0 else "\u00b1"
    return f'<div class="delta">{p.w("since_delta", delta=sign + text, day=since)}</div>'


def _spans(p: PageText) -> str:
    s, t = p.n.spans, p.n.targets
    low, high = t.span
    lead = p.w(
        "spans_lead",
        managers=p.num(s.managers),
        in_band=p.num(s.in_band),
        low=low,
        high=high,
        narrow=p.num(s.narrow),
        narrow_max=t.narrow,
        wide=p.num(s.wide),
    )
    rows = [[str(span), p.num(n)] for span, n in s.counts.items()]
    found = table([(p.w("span"), True), (p.w("managers"), True)], rows, "data spans")
    return f'<p class="lead">{lead}</p>{p.chart("spans")}{details(p, found)}'


def _layers(p: PageText) -> str:
    h, layers = p.n.headline, p.n.layers
    low, high = p.n.targets.layers_for(h.roles)
    target = (
        word("layers_target_one", p.lang, high=high)
        if low == high
        else word("layers_target_range", p.lang, low=low, high=high)
    )
    lead = p.w("layers_lead", roles=p.num(h.roles), layers=p.num(h.layers), target=target)
    if layers.unlayered:
        lead += " " + p.w("unlayered", n=p.num(layers.unlayered))
    rows = [
        [
            esc(f.label) if f.family != UNKNOWN else p.w("unknown"),
            p.num(f.roles),
            p.num(f.managers),
            p.num(f.ics),
            p.dec(f.ratio),
            p.num(f.layers),
        ]
        for f in layers.families
    ]
    found = table(
        [
            (p.w("function"), False),
            (p.w("roles"), True),
            (p.w("managers"), True),
            (p.w("ics"), True),
            (p.w("ratio"), True),
            (p.w("deepest"), True),
        ],
        rows,
        "families",
    )
    cells = [
        [p.w("layer", n=layer), esc(_family(p, fam)), p.num(n)]
        for (layer, fam), n in layers.cells.items()
    ]
    data = table(
        [(p.w("layer_col"), False), (p.w("function"), False), (p.w("roles"), True)],
        cells,
        "data layers",
    )
    return f'<p class="lead">{lead}</p>{p.chart("layers")}{found}{details(p, data)}'


def _family(p: PageText, family: str) -> str:
    for f in p.n.layers.families:
        if f.family == family:
            return f.label if family != UNKNOWN else word("unknown", p.lang)
    return family


def _narrow(p: PageText) -> str:
    s, t = p.n.spans, p.n.targets
    if not s.narrow:
        return f'<p class="lead">{p.w("narrow_none", narrow_max=t.narrow)}</p>'
    rows = []
    for rid in s.narrow_roles:
        cited = p.n.cited[rid]
        rows.append([p.role(rid), p.num(cited.span), _manager(p, cited)])
    found = table(
        [(p.w("role"), False), (p.w("reports"), True), (p.w("manager"), False)], rows, "narrow"
    )
    lead = p.w("narrow_lead", n=p.num(s.narrow), narrow_max=t.narrow)
    return f'<p class="lead">{lead}</p>{found}{p.more(len(rows), s.narrow)}'


def _team_name(p: PageText, name: str, lead: str | None) -> str:
    if name:
        return esc(name)
    cited = p.n.cited.get(lead or "")
    if cited is None:
        return f"<code>{esc(lead or '')}</code>"
    return p.w("team_of", lead="\0").replace("\0", p.role(cited.id))


def _teams(p: PageText) -> str:
    t = p.n.teams
    if not t.count:
        return f'<p class="lead">{p.w("teams_none")}</p>'
    lead = p.w(
        "teams_lead",
        vacancies=p.num(t.vacancies),
        planned=p.num(t.planned),
        teams=p.num(t.count),
    )
    rows = [
        [
            _team_name(p, r.name, r.lead),
            p.num(r.seats),
            p.num(r.vacancies),
            p.num(r.planned),
        ]
        for r in t.rows
    ]
    found = table(
        [
            (p.w("team"), False),
            (p.w("seats"), True),
            (p.w("vacancies"), True),
            (p.w("planned"), True),
        ],
        rows,
        "teams",
    )
    return f'<p class="lead">{lead}</p>{p.chart("teams")}{found}{p.more(len(rows), t.count)}'


def _findings(p: PageText) -> str:
    f = p.n.findings
    if not f.total:
        return f'<p class="lead">{p.w("findings_none")}</p>'
    sev = f.severities
    lead = p.w(
        "findings_lead",
        total=p.num(f.total),
        errors=p.num(sev.get("error", 0)),
        warnings=p.num(sev.get("warning", 0)),
        infos=p.num(sev.get("info", 0)),
    )
    rows = []
    for row in f.rows:
        cases = "".join(f"<li>{_case(p, v)}</li>" for v in row.examples)
        more = (
            f'<li class="more">{p.w("more", n=p.num(row.count - len(row.examples)))}</li>'
            if row.count > len(row.examples)
            else ""
        )
        rows.append(
            [
                f'<a href="{html.escape(row.url, quote=True)}" rel="noreferrer">'
                f"<code>{html.escape(row.code)}</code> {html.escape(row.name)}</a>",
                f'<span class="badge {row.severity}">{p.w(row.severity)}</span>',
                p.num(row.count),
                f'<ul class="cases">{cases}{more}</ul>',
            ]
        )
    found = table(
        [
            (p.w("code"), False),
            (p.w("severity"), False),
            (p.w("count"), True),
            (p.w("examples"), False),
        ],
        rows,
        "findings",
    )
    return f'<p class="lead">{lead}</p>{p.chart("findings")}{found}'


def _case(p: PageText, v: Violation) -> str:
    # The rules write their messages in English: the page says so to the browser.
    message = f'<span lang="en">{esc(v.message)}</span>'
    return f"{p.role(v.role)}: {message}"


def _coverage(p: PageText) -> str:
    c = p.n.coverage
    columns = c.columns
    shown = set(columns)
    head = [(p.w("duty"), False), (p.w("status"), False)]
    head += [(p.role(rid, who=False), False) for rid in columns]
    head.append((p.w("others"), True))
    rows = []
    for d in c.duties:
        flags = [p.w("required")] if d.required else []
        if d.single_owner:
            flags.append(p.w("single_owner"))
        duty = f'{esc(d.label)} <span class="flags">{" · ".join(flags)}</span>'
        status = f'<span class="status {d.status}">{p.w("status_" + d.status)}</span>'
        marks = ["●" if rid in d.held else "○" if rid in d.vacant else "" for rid in columns]
        others = sum(1 for rid in (*d.held, *d.vacant) if rid not in shown)
        rows.append([duty, status, *marks, p.num(others) if others else ""])
    found = table(head, rows, "matrix")
    return f'<p class="lead">{p.w("coverage_lead")}</p>{found}'


def _trends(p: PageText) -> str:
    trends = p.n.trends or []
    rows = [
        [
            html.escape(t.period),
            p.num(t.headcount),
            p.num(t.seats),
            p.num(t.vacancies),
            p.num(t.planned),
            p.num(t.managers),
            p.num(t.layers),
            p.dec(t.median_span),
        ]
        for t in trends
    ]
    found = table(
        [
            (p.w("quarter"), False),
            (p.w("headcount"), True),
            (p.w("seats"), True),
            (p.w("vacancies"), True),
            (p.w("planned"), True),
            (p.w("managers"), True),
            (p.w("layers"), True),
            (p.w("median_span"), True),
        ],
        rows,
        "trends",
    )
    return f'<p class="lead">{p.w("trends_lead")}</p>{p.chart("trends")}{found}'


def _changes(p: PageText) -> str:
    c = p.n.changes
    assert c is not None
    since, until = c.since.isoformat(), c.until.isoformat()
    if not c.total:
        return f'<p class="lead">{p.w("changes_none", since=since, until=until)}</p>'
    lead = p.w("changes_lead", total=p.num(c.total), since=since, until=until)
    counts = " · ".join(f"{p.w('change_' + kind)}: {p.num(n)}" for kind, n in c.counts.items())
    rows = [
        [c_.date.isoformat(), p.w("change_" + c_.kind), p.role(c_.role, who=False), esc(detail)]
        for c_, detail in zip(c.items, c.details, strict=True)
    ]
    found = table(
        [(p.w("date"), False), (p.w("change"), False), (p.w("role"), False), ("", False)],
        rows,
        "changes",
    )
    return f'<p class="lead">{lead}</p><p>{counts}</p>{found}{p.more(len(rows), c.total)}'


def _manager(p: PageText, cited: Cited) -> str:
    if cited.missing_manager is not None:
        return p.w("not_in_file", id="\0").replace(
            "\0", f"<code>{esc(cited.missing_manager)}</code>"
        )
    if cited.manager is None:
        return ""
    if cited.manager in p.n.cited:
        return p.role(cited.manager, who=False)
    return esc(cited.manager_title or cited.manager)


def _cited(p: PageText) -> str:
    rows = []
    for rid, cited in p.n.cited.items():
        family = word("unknown", p.lang) if cited.family == UNKNOWN else _family(p, cited.family)
        rows.append(
            [
                f'<span id="{p.anchor[rid]}">{esc(cited.title)}</span>',
                p._holder(cited),
                f"<code>{esc(rid)}</code>",
                _manager(p, cited),
                p.num(cited.layer) if cited.layer is not None else "\u2013",
                p.num(cited.span),
                esc(family),
            ]
        )
    return table(
        [
            (p.w("role"), False),
            (p.w("holder"), False),
            ("id", False),
            (p.w("manager"), False),
            (p.w("layer_col"), True),
            (p.w("reports"), True),
            (p.w("function"), False),
        ],
        rows,
        "cited",
    )


def build_page(numbers: Numbers) -> str:
    """The page of a report's numbers."""
    p = PageText(numbers)
    css = page_css()
    sections = [
        ("spans", p.w("spans_title"), _spans),
        ("layers", p.w("layers_title"), _layers),
        ("narrow", p.w("narrow_title"), _narrow),
        ("teams", p.w("teams_title"), _teams),
        ("findings", p.w("findings_title"), _findings),
        ("coverage", p.w("coverage_title"), _coverage),
    ]
    if numbers.trends is not None:
        sections.append(("trends", p.w("trends_title"), _trends))
    if numbers.changes is not None:
        day = numbers.changes.since.isoformat()
        sections.append(("changes", p.w("changes_title", day=day), _changes))
    if numbers.cited:
        sections.append(("roles", p.w("cited_title"), _cited))
    title = html.escape(clean(numbers.name) or "org", quote=True)
    subtitle = p.w("subtitle", roles=p.num(numbers.headline.roles))
    if numbers.day is not None:
        subtitle += " · " + p.w("as_of", day=numbers.day.isoformat())
    toc = " · ".join(f'<a href="#{key}">{heading}</a>' for key, heading, _ in sections)
    low, high = numbers.targets.span
    note = p.w("targets_note", low=low, high=high, narrow_max=numbers.targets.narrow)
    body = [
        f'<header><p class="kicker">{p.w("title")}</p><h1>{esc(numbers.name)}</h1>'
        f'<p class="sub">{subtitle}</p></header>',
        _headline(p),
        f'<nav aria-label="{p.w("contents")}">{toc}</nav>',
    ]
    for key, heading, build in sections:
        body.append(f'<section id="{key}"><h2>{heading}</h2>{build(p)}</section>')
    body.append(f"<footer><p>{note}</p><p>{p.w('generated', version=__version__)}</p></footer>")
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{html.escape(numbers.lang, quote=True)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta http-equiv="Content-Security-Policy" '
        f'content="{content_security_policy([], [css])}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="orgroles {html.escape(__version__)}">\n'
        f"<title>{title} · {p.w('title')}</title>\n"
        '<link rel="icon" href="data:,">\n'
        f"<style>{css}</style>\n</head>\n<body>\n<main>\n"
        + "\n".join(body)
        + "\n</main>\n</body>\n</html>\n"
    )


CHARTS = tuple(DRAW)
"""The charts of the page."""
