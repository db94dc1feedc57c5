"""The shared indexes of an org: parents, children, depths. Built once, in O(N), no recursion.

Queries and rules run on these light integer indexes rather than on the networkx graph,
which is built only when someone asks for it. Roles are numbered in file order.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from itertools import compress, repeat
from operator import attrgetter, eq, is_
from typing import Any

from orgroles.model import Role

__all__ = ["NO_PARENT", "Index"]

NO_PARENT = -1
"""The parent of a role with no manager, or whose manager names no role."""


class Index:
    """Integer indexes over the (plain) roles of an org, in file order.

    - `ids[i]` and `pos[id]` convert between positions and ids;
    - `parent[i]` is the manager's position, or `NO_PARENT`;
    - `children[i]` lists the direct reports (assistants included), in file order;
    - `depth[i]` is 0 for a role without a resolved manager, and -1 for a role that no
      top reaches: one in a reporting cycle, or below one;
    - `order` lists the reachable roles top-down (breadth first);
    - `dangling` maps a role to the unknown id its `reports_to` names;
    - `self_reports` lists the roles that report to themselves;
    - `memo` holds what other modules derive from the index, by name, computed once
      (an index does not change).
    """

    __slots__ = (
        "_sizes",
        "assistant",
        "children",
        "dangling",
        "depth",
        "ids",
        "memo",
        "order",
        "parent",
        "pos",
        "roots",
        "self_reports",
        "tops",
    )

    def __init__(self, roles: Mapping[str, Role]) -> None:
        ids = list(roles)
        pos = {rid: i for i, rid in enumerate(ids)}
        n = len(ids)
        values = list(roles.values())
        # The passes over every role run in C (map, compress); Python looks only at the
        # roles that need it: the managers, and the few roles without a resolved one.
        bosses: list[Any] = list(map(attrgetter("reports_to"), values))
        if tuple in set(map(type, bosses)):  # dated lines (not in a plain org): their first
            bosses = [role.manager_id for role in values]
        parent = list(map(pos.get, bosses, repeat(NO_PARENT)))
        assistant = list(map(attrgetter("assistant"), values))
        positions = range(n)
        roots = list(compress(positions, map(is_, bosses, repeat(None))))
        unresolved = compress(positions, map(eq, parent, repeat(NO_PARENT)))
        dangling: dict[int, str] = {i: bosses[i] for i in unresolved if bosses[i] is not None}
        self_reports: list[int] = []
        children: defaultdict[int, list[int]] = defaultdict(list)
        for i, p in enumerate(parent):
            if p == i:
                self_reports.append(i)
                parent[i] = NO_PARENT
            elif p != NO_PARENT:
                children[p].append(i)
        self.ids = ids
        self.pos = pos
        self.parent = parent
        self.children: dict[int, list[int]] = dict(children)
        self.dangling = dangling
        self.self_reports = self_reports
        self.roots = roots
        self.assistant = assistant
        # Tops of the forest: no manager, an unknown one, or themselves.
        self.tops = list(compress(positions, map(eq, parent, repeat(NO_PARENT))))
        depth = [-1] * n
        order = list(self.tops)
        for i in order:
            depth[i] = 0
        kids = self.children
        for i in order:  # grows while it is walked: a breadth-first walk without recursion
            below = kids.get(i)
            if below:
                d = depth[i] + 1
                for c in below:
                    depth[c] = d
                order.extend(below)
        self.depth = depth
        self.order = order
        self._sizes: list[int] | None = None
        self.memo: dict[str, Any] = {}

    def __len__(self) -> int:
        return len(self.ids)

    @property
    def sizes(self) -> list[int]:
        """How many roles each subtree holds (the role itself included), computed once.

        Only meaningful for roles that a top reaches (depth >= 0); 1 elsewhere.
        """
        if self._sizes is None:
            sizes = [1] * len(self.ids)
            parent = self.parent
            for i in reversed(self.order):  # children before their parents
                p = parent[i]
                if p >= 0:
                    sizes[p] += sizes[i]
            self._sizes = sizes
        return self._sizes

    def staff_leaf(self, i: int) -> bool:
        """Whether role `i` is an assistant with a manager and no reports of its own: a
        staff seat drawn beside its manager, on its manager's layer of the chart."""
        return self.assistant[i] and self.parent[i] >= 0 and not self.children.get(i)

    def layer_count(self) -> int:
        """The number of layers: the deepest layer of a seat that a top reaches, where an
        assistant without reports of its own counts on its manager's layer (it sits
        beside its manager: the executive assistant of the deepest manager does not make
        the org deeper); 0 when no seat has a layer.
        """
        depth = self.depth
        deepest = max(depth, default=-1)
        if deepest <= 0 or not any(self.assistant):  # the common case, in C
            return deepest + 1
        # Only when every seat of the deepest layer is such an assistant is the org one
        # layer less deep: their managers are on the layer above.
        there = compress(range(len(depth)), map(deepest.__eq__, depth))
        return deepest + (0 if all(map(self.staff_leaf, there)) else 1)

    def reports(self, i: int) -> list[int]:
        """The direct reports of role `i` (assistants included)."""
        return self.children.get(i, [])

    def span(self, i: int) -> int:
        """How many direct reports role `i` has, assistants excluded."""
        assistant = self.assistant
        return sum(1 for c in self.children.get(i, ()) if not assistant[c])

    def below(self, i: int) -> list[int]:
        """Every role under `i` (transitively), breadth first; O(answer).

        Safe in a cycle: each role is listed once, and `i` itself never.
        """
        queue = [i]
        seen = {i}
        kids = self.children
        for node in queue:  # grows while it is walked
            for c in kids.get(node, ()):
                if c not in seen:
                    seen.add(c)
                    queue.append(c)
        return queue[1:]

    def below_all(self, starts: Iterable[int]) -> set[int]:
        """Every role under any of `starts` (transitively): the union of their
        `below()`, found in one pass however the starts nest; O(answer + starts).

        Starts are walked top-down, and a walk stops at a role already found, so that a
        thousand nested starts (`under:r1,r2,...,r1000` on a chain) cost one walk, not a
        thousand. A start is in the answer only when it is under another start.
        """
        depth, kids = self.depth, self.children
        firsts = sorted(set(starts), key=lambda i: (depth[i] < 0, depth[i]))
        out: set[int] = set()
        add = out.add
        for start in firsts:
            if start in out:
                continue  # under an earlier start: everything below it is found already
            queue = [start]
            for node in queue:  # grows while it is walked
                for c in kids.get(node, ()):
                    if c != start and c not in out:
                        add(c)
                        queue.append(c)
        # A start on a reporting cycle may be under another start of its cycle, which its
        # own walk reached through it: at most one such start per cycle, found in O(N).
        pending = [s for s in firsts if s not in out and depth[s] < 0]
        if pending:
            chosen = set(firsts)
            for start in self._on_cycles(pending):
                j = self.parent[start]
                while j != start:
                    if j in chosen:
                        add(start)
                        break
                    j = self.parent[j]
        return out

    def _on_cycles(self, nodes: list[int]) -> list[int]:
        """Those of `nodes` that lie on a reporting cycle; each role is looked at once."""
        parent = self.parent
        seen: dict[int, int] = {}
        cycles: set[int] = set()
        for walk, start in enumerate(nodes):
            i = start
            while i != NO_PARENT and i not in seen:
                seen[i] = walk
                i = parent[i]
            if i != NO_PARENT and seen[i] == walk:  # a cycle not met before
                j = i
                while True:
                    cycles.add(j)
                    j = parent[j]
                    if j == i:
                        break
        return [n for n in nodes if n in cycles]

    def chain(self, i: int) -> list[int]:
        """Role `i` then its managers up to the top; stops before repeating in a cycle."""
        out = [i]
        seen = {i}
        parent = self.parent
        p = parent[i]
        while p != NO_PARENT and p not in seen:
            out.append(p)
            seen.add(p)
            p = parent[p]
        return out
