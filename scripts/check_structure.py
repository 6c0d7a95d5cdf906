"""The code's shape, checked by `make lint`: no import cycle, no module over 400 lines.

A cycle: two modules of desktop importing each other, directly or round a loop.
import-linter's layers keep the core's packages in order; this catches what layers do not
see: a cycle between two modules of one package (gui/app.py and gui/main_window.py once
imported each other, one side inside a function). Imports inside functions count: a cycle
hidden in a function is still a cycle. Uses grimp, the graph import-linter builds on.
"""

import sys
from pathlib import Path

import grimp

MAX_LINES = 400


def cycles(package: str) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iterative)."""
    graph = grimp.build_graph(package)
    modules = sorted(graph.modules)
    edges = {m: sorted(graph.find_modules_directly_imported_by(m)) for m in modules}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    for root in modules:
        if root in index:
            continue
        work = [(root, 0)]
        while work:
            node, i = work.pop()
            if i == 0:
                index[node] = low[node] = counter
                counter += 1
                stack.append(node)
                on_stack.add(node)
            targets = edges[node]
            if i < len(targets):
                work.append((node, i + 1))
                target = targets[i]
                if target not in index:
                    work.append((target, 0))
                elif target in on_stack:
                    low[node] = min(low[node], index[target])
                continue
            if work:  # back in the caller: pass the low-link up
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def long_modules(root: Path, limit: int = MAX_LINES) -> list[tuple[Path, int]]:
    """Modules past `limit` lines: about 400 lines is a sign of two things in one."""
    out = []
    for path in sorted(root.rglob("*.py")):
        lines = len(path.read_text("utf-8").splitlines())
        if lines > limit:
            out.append((path, lines))
    return out


def main() -> int:
    found = cycles("desktop")
    for component in found:
        print("import cycle: " + " <-> ".join(component), file=sys.stderr)
    long = long_modules(Path(__file__).resolve().parents[1] / "desktop")
    for path, lines in long:
        print(f"{path}: {lines} lines (more than {MAX_LINES}): split it", file=sys.stderr)
    return 1 if found or long else 0


if __name__ == "__main__":
    sys.exit(main())
