"""Write a realistic synthetic MkDocs site of N pages for the benchmarks.

Each page is about 8 KB, like a real reference or guide page: front matter, a title,
sections of prose (some with performance figures, acronyms and listed terms), bullet
and numbered lists, a table, an admonition, tabs and fenced code. Pages sit in all four
category folders, with every tenth page in an uncategorised folder. The same seed gives
the same site, byte for byte.

    python benchmarks/generate.py /tmp/site --pages 2000
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

FOLDERS = ["tutorials", "how-to", "reference", "explanation"]
SECTIONS = ["components", "runtime", "storage", "network", "cli", "plugins", "security"]

# Prose as real docs have it: most paragraphs carry no figure, a few carry cited,
# uncited, configured or target figures (still far more than the public corpora, which
# average under one figure a page); acronyms are defined or well known; a few listed
# terms ("simply", "blazing fast") appear.
PARAGRAPHS = [
    "The scheduler hands work to a pool of workers and keeps each queue short, so a slow"
    " task never holds up the ones behind it. When a worker stops, the supervisor starts"
    " a new one with the same configuration and the queue drains again.",
    "Every component has a name, a version and a list of the capabilities it needs."
    " The runtime checks that list before it loads the component and refuses to start"
    " one that asks for more than the manifest grants.",
    "Spawning a component takes 286ns on the reference machine, measured with"
    " [the spawn benchmark](https://example.org/bench/spawn) on an idle core.",
    "Set the request timeout to 30s and the retry backoff to 250ms before you deploy to"
    " a network with long round trips; the defaults suit a single data centre.",
    "The application programming interface (API) returns JSON over HTTP, and the command"
    " line wraps it for scripts and CI jobs that cannot hold a session open.",
    "Our target for p99 latency is 5ms under the standard load, and the budget for a cold"
    " start is 50ms on the smallest instance type we support.",
    "Simply run the installer, then read the log for errors and warnings; the installer"
    " prints the path of the log file when it finishes.",
    "Registry lookups are 3x faster since the index moved into shared memory, and the"
    " cache now uses 48 MB of resident memory at idle.",
    "This design trades memory for speed: every lookup is a hash probe, never a scan, so"
    " the cost of a lookup does not grow with the number of components.",
    "Plugins compile to WebAssembly (WASM) and run in a sandbox with no access to the"
    " host file system unless the manifest names a directory to share.",
    "If the health check fails three times in a row, the supervisor restarts the"
    " component and records the reason in the event log, with the exit code and the"
    " last lines the component wrote to standard error.",
    "Configuration is read from `config.toml` in the working directory, then from the"
    " environment; a variable such as `APP_LOG_LEVEL` overrides the file.",
    "The storage layer writes each record twice, to the journal and to the table, and"
    " acknowledges the write only when both copies are on disk.",
    "A blazing fast start is not the goal of this release: the work went into making"
    " restarts predictable, so that an operator can plan around them.",
    "The TLS certificate is loaded at start and reloaded when the file changes; there"
    " is no need to restart the server after renewing it.",
    "Messages are delivered at least once. A consumer must therefore tolerate"
    " duplicates, for example by keeping the identifiers of the last messages it handled.",
    "Each deployment has its own namespace. Names in one namespace never clash with"
    " names in another, so two teams can run the same component side by side.",
    "The event log is append-only. Old entries are compacted into snapshots, and a"
    " snapshot together with the entries after it restores the exact state.",
    "When two writers update the same record, the later write wins and the earlier one"
    " is kept in the history, where an operator can restore it from the dashboard.",
    "Access tokens expire after a day. A client refreshes its token before it expires,"
    " and the server accepts both the old and the new token for a short overlap.",
    "Logs are structured: every line is a JSON object with a timestamp, a level, the"
    " component's name and a message, which makes them easy to filter and search.",
    "A component that needs a secret reads it from a mounted file, never from its"
    " arguments, so the secret does not show up in process listings or crash reports.",
    "Upgrades roll out one node at a time. Each node drains its queues, restarts on the"
    " new version and rejoins before the next one begins, and the dashboard shows which"
    " node is on which version while the upgrade runs.",
    "The dashboard groups components by namespace and shows, for each one, its version,"
    " the node it runs on, when it last restarted and why.",
]
LISTS = [
    "- Registry lookup: 36ns\n- Actor restart: <100μs\n- Queue hand-off: 1.2 µs\n",
    "1. Install the package.\n2. Create `config.toml` from the example.\n"
    "3. Start the server and open the dashboard.\n",
    "- `name`: the component's name, unique in a deployment.\n"
    "- `version`: a semantic version such as `1.4.2`.\n"
    "- `capabilities`: what the component may do.\n",
]
TABLES = [
    "| Setting | Default | Meaning |\n|---|---|---|\n| `timeout` | 30s | Request timeout |\n"
    "| `retries` | 3 | Attempts before giving up |\n| `interval` | 500ms | Health check period |\n",
    "| Operation | Time | Source |\n|---|---|---|\n| Spawn | 286ns | `bench_spawn` |\n"
    "| Send | 1.49 µs | `bench_send` |\n| Restart | 80 µs | `bench_restart` |\n",
    "| Field | Type | Required |\n|---|---|---|\n| `name` | string | yes |\n"
    "| `version` | string | yes |\n| `labels` | map | no |\n",
]
ADMONITIONS = [
    '!!! note "Before you start"\n    You need a running server and an account with the'
    " operator role.\n",
    '!!! warning "Data loss"\n    Deleting a volume removes its journal too; take a'
    " snapshot first.\n",
]
CODE = [
    "```python\nfrom app import Client\n\nclient = Client(timeout=30)\nclient.spawn('worker')"
    "  # 286ns\n```\n",
    "```bash\napp deploy --env production --wait\napp logs --follow\n```\n",
    '```yaml\nserver:\n  port: 8080\n  timeout: 30s\n  tls: {cert: "cert.pem"}\n```\n',
]
TABS = (
    '=== "Linux"\n\n    Install with the package manager, then start the service.\n\n'
    '=== "macOS"\n\n    Install with Homebrew, then start the service.\n'
)


def page(index: int, rng: random.Random) -> str:
    """One page of about 8 KB."""
    parts = [f"---\ntitle: Page {index}\ndescription: Synthetic page {index}\n---\n"]
    parts.append(f"# Page {index}\n")
    parts.append(rng.choice(PARAGRAPHS) + "\n")
    section = 0
    while sum(len(part) for part in parts) < 7800:
        section += 1
        parts.append(f"## Section {section}\n")
        parts.extend(rng.choice(PARAGRAPHS) + "\n" for _ in range(rng.randint(2, 4)))
        extra = rng.randrange(5)
        if extra == 0:
            parts.append(rng.choice(LISTS))
        elif extra == 1:
            parts.append(rng.choice(TABLES))
        elif extra == 2:
            parts.append(rng.choice(ADMONITIONS))
        elif extra == 3:
            parts.append(rng.choice(CODE))
        else:
            parts.append(TABS)
    return "\n".join(parts)


def generate(target: Path, pages: int, seed: int = 1) -> Path:
    """Write the site (``mkdocs.yml`` and ``docs/``) into ``target`` and return it.

    The plugin's findings are set to info so that a build measures checking, not
    failing; ``enabled`` and ``jobs`` are set by the benchmarks through the environment
    (``DIATAXIS_ENABLED``, ``DIATAXIS_JOBS``).
    """
    rng = random.Random(seed)
    docs = target / "docs"
    for index in range(pages):
        section = SECTIONS[index % len(SECTIONS)]
        folder = (
            docs / section / "misc"
            if index % 10 == 9
            else docs / section / FOLDERS[index % len(FOLDERS)]
        )
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"page{index}.md").write_text(page(index, rng), encoding="utf-8")
    (docs / "index.md").write_text("# Home\n\nThe synthetic benchmark site.\n", encoding="utf-8")
    (target / "mkdocs.yml").write_text(
        "site_name: Bench\n"
        "theme: mkdocs\n"
        "markdown_extensions: [admonition, tables, attr_list, md_in_html,\n"
        "  pymdownx.superfences, pymdownx.tabbed]\n"
        "plugins:\n"
        "  - diataxis:\n"
        "      enabled: !ENV [DIATAXIS_ENABLED, true]\n"
        "      jobs: !ENV [DIATAXIS_JOBS, auto]\n"
        "      severity: {'placement/*': info, 'citation/*': info, 'terms/*': info}\n",
        encoding="utf-8",
    )
    return target


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("target", type=Path)
    parser.add_argument("--pages", type=int, default=2000)
    args = parser.parse_args()
    generate(args.target, args.pages)
