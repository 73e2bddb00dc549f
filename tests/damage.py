"""Damage to generated report texts, as hostile and broken files carry it (issue 17).

Each function takes a report and returns the text of a damaged rendition of it, whose truth is
still that report: what a careful reader would read off the damaged page. Property tests parse
the text and hold the parser to :func:`silent.silently_wrong`.
"""

from __future__ import annotations

import copy
import random
import re
from typing import Any

import attrs

import disclosure_parser as dp


def _spaced(word: str) -> str:
    """A pattern for *word* as the renderer may print it (spaced_headers: 结 果 维 持)."""
    return "[ \u3000]?".join(map(re.escape, word))


def swap_words(text: str, a: str, b: str) -> str:
    """*text* with every *a* printed as *b* and every *b* as *a*."""
    text = re.sub(_spaced(a), "\x00", text)
    text = re.sub(_spaced(b), a, text)
    return text.replace("\x00", b)


def _swap(cells: tuple[dp.Cell, ...], i: int, j: int) -> tuple[dp.Cell, ...]:
    out = list(cells)
    out[i], out[j] = out[j], out[i]
    return tuple(out)


def swapped_columns(
    report: dp.Report, table: str, layout: str, noise: frozenset[str], seed: int
) -> str:
    """*report* printed with two sub-columns in each other's place, headers and values: table
    B's 商业企业 and 科研机构, or table C's 结果维持 and 结果纠正 (in every group)."""
    if table == "B":
        apps = report.applications
        rows = tuple(attrs.evolve(r, cells=_swap(r.cells, 1, 2)) for r in apps)
        printed = attrs.evolve(report, applications=attrs.evolve(apps, rows=rows))
        words = ("商业企业", "科研机构")
    else:
        revs = report.reviews
        groups = tuple(attrs.evolve(g, cells=_swap(g.cells, 0, 1)) for g in revs)
        printed = attrs.evolve(report, reviews=attrs.evolve(revs, groups=groups))
        words = ("结果维持", "结果纠正")
    return swap_words(dp.render(printed, layout, noise=noise, seed=seed), *words)


_NUMBER = re.compile(r"^[+-]?\d[\d,.]*$")


def _table_lines(lines: list[str]) -> list[int]:
    """The lines of a tab-layout text that are table rows holding numbers."""
    return [
        i
        for i, line in enumerate(lines)
        if "\t" in line and any(_NUMBER.match(c.strip()) for c in line.split("\t"))
    ]


def damaged_tab_text(report: dp.Report, kind: str, rng: random.Random) -> str:
    """*report* printed as tab rows with one kind of damage at a random table row:

    * ``delete_row``: the row is gone;
    * ``delete_cell``: one of its value cells is gone (a ragged row);
    * ``merge_rows``: it and the next row are printed as one, each cell holding both rows'
      texts one above the other (a lost row rule, as ``1<br>2`` in a web page);
    * ``space_cells``: the boundary between two of its cells is a space ("3 5");
    * ``glue_cells``: the boundary between two of its cells is lost ("35").
    """
    lines = dp.render(report, "tab").split("\n")
    rows = _table_lines(lines)
    if not rows:
        return "\n".join(lines)
    at = rng.choice(rows)
    cells = lines[at].split("\t")
    values = [k for k, c in enumerate(cells) if _NUMBER.match(c.strip())]
    if kind == "delete_row":
        del lines[at]
    elif kind == "delete_cell":
        del cells[rng.choice(values)]
        lines[at] = "\t".join(cells)
    elif kind == "merge_rows" and at + 1 < len(lines) and "\t" in lines[at + 1]:
        below = lines[at + 1].split("\t")
        width = max(len(cells), len(below))
        cells += [""] * (width - len(cells))
        below += [""] * (width - len(below))
        lines[at] = "\t".join(
            f"{a} {b}" if a.strip() and b.strip() else a + b
            for a, b in zip(cells, below, strict=True)
        )
        del lines[at + 1]
    elif kind in ("space_cells", "glue_cells") and len(values) > 1:
        k = rng.choice([v for v in values if v + 1 < len(cells)] or values[:1])
        if k + 1 < len(cells):
            joined = cells[k] + (" " if kind == "space_cells" else "") + cells[k + 1]
            cells[k : k + 2] = [joined]
            lines[at] = "\t".join(cells)
    return "\n".join(lines)


DAMAGE = ("delete_row", "delete_cell", "merge_rows", "space_cells", "glue_cells")


# ---- damaged report data (Report.from_dict) ---------------------------------------------------

#: values put where a report's data had something else: wrong types, numbers a text cannot
#: print, words that are keys or states elsewhere
JUNK: tuple[object, ...] = (
    None,
    True,
    False,
    0,
    -1,
    7,
    10**40,
    -(10**31),
    2**63,
    1.5,
    float("nan"),
    float("inf"),
    "NaN",
    "Infinity",
    "-0",
    "1e999",
    "1E+40",
    "",
    "abc",
    "5",
    "5.5",
    " 7 ",
    "１２",
    "3 5",
    "\t",
    "a\nb",
    "a|b",
    [],
    {},
    [1, 2],
    {"x": 1},
    "foo",
    "number",
    "blank",
    "na",
    "text",
    "missing",
    "2019",
    "2021",
    "万元",
    "件",
    "granted",
    "total",
    "review",
    "regulations",
    "error",
)


def _paths(data: object, path: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    """Every place in *data* (a tree of dicts and lists), the root excepted."""
    out = [path] if path else []
    if isinstance(data, dict):
        for key, value in data.items():
            out += _paths(value, (*path, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            out += _paths(value, (*path, i))
    return out


def _parent(data: Any, path: tuple[object, ...]) -> Any:
    for key in path[:-1]:
        data = data[key]
    return data


def damage_data(data: dict[str, Any], rng: random.Random, times: int) -> dict[str, Any]:
    """*data* (``Report.to_dict()`` output, not changed) with *times* random changes: a value
    replaced by one of :data:`JUNK`, a key or list item removed, a list item doubled."""
    data = copy.deepcopy(data)
    for _ in range(times):
        path = rng.choice(_paths(data))
        parent = _parent(data, path)
        kind = rng.choice(["replace", "replace", "replace", "remove", "double"])
        if kind == "replace":
            parent[path[-1]] = copy.deepcopy(rng.choice(JUNK))
        elif kind == "remove":
            del parent[path[-1]]
        elif isinstance(parent, list):
            parent.append(copy.deepcopy(parent[path[-1]]))
    return data


def damage_cell(data: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    """*data* with one table cell made odd but well-formed: text or an na mark whose printed
    text is a number, a tab, a pipe, nothing."""
    data = copy.deepcopy(data)
    cells = [
        cell
        for table, rows in (
            ("active_disclosure", "items"),
            ("applications", "rows"),
            ("reviews", "groups"),
        )
        for row in data[table][rows]
        for cell in row["cells"]
    ]
    cell = rng.choice(cells)
    cell.clear()
    cell.update(
        state=rng.choice(["text", "na"]), raw=rng.choice(["5", "1 2", "\t", "a|b", "", "—"])
    )
    return data
