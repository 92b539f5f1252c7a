"""The README's two opening commands stay true: CI runs the test command verbatim."""

from __future__ import annotations

import re


def _commands(root) -> list[str]:
    text = (root / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```bash\n(.+?)\n```", text)[:2]


def test_readme_opens_with_install_and_test_commands(root):
    install, test = _commands(root)
    assert install == "pip install . && morocco-palestine-data"
    assert "pytest" in test and "[test]" in test


def test_ci_runs_the_readme_test_command(root):
    _, test = _commands(root)
    ci_lines = (root / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert test in ci_lines


def test_readme_python_examples_run(root):
    text = (root / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.+?)\n```", text, flags=re.S)
    assert len(blocks) >= 3
    namespace: dict = {}
    for block in blocks:  # in order, sharing names, as a reader would paste them
        exec(compile(block, "README.md", "exec"), namespace)
    assert len(namespace["visits"]) > 0
