"""`reviewer align` from the outside: the JSON contract and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from reviewer.core.paths import SAMPLE_LEFT, SAMPLE_RIGHT


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reviewer", *args], capture_output=True, text=True, timeout=120
    )


def test_json_contract_on_the_sample() -> None:
    r = _run("align", str(SAMPLE_LEFT), str(SAMPLE_RIGHT), "--json")
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout)
    assert doc["version"] == 1
    assert doc["left"]["path"] == str(SAMPLE_LEFT) and len(doc["left"]["sha256"]) == 64
    assert doc["right"]["path"] == str(SAMPLE_RIGHT)
    roles = {"title", "subtitle", "byline", "paragraph", "caption", "noise"}
    ids = set()
    suggested = 0
    for art in doc["articles"]:
        assert set(art) == {"id", "title", "units"} and art["title"]
        for u in art["units"]:
            assert set(u) == {"id", "role", "left", "right", "duplicate_of", "conflicts"}
            assert u["role"] in roles
            assert u["left"] is not None or u["right"] is not None
            for c in u["conflicts"]:
                assert set(c) == {"id", "left", "right", "suggestion"}
                sug = c["suggestion"]
                if sug is not None:
                    assert set(sug) == {"pick", "reason", "confidence"}
                    assert sug["pick"] in ("left", "right") and sug["reason"]
                    assert 0.0 <= sug["confidence"] <= 1.0
                    suggested += 1
                assert "".join(c["left"].split()) != "".join(c["right"].split())
            ids.add(u["id"])
    dups = [u["duplicate_of"] for a in doc["articles"] for u in a["units"] if u["duplicate_of"]]
    assert dups and all(d in ids for d in dups)
    assert suggested >= 5  # dropped sentences, broken words, a pasted passage
    again = _run("align", str(SAMPLE_LEFT), str(SAMPLE_RIGHT), "--json")
    assert json.loads(again.stdout) == doc  # stable ids and output


def test_summary_without_json() -> None:
    r = _run("align", str(SAMPLE_LEFT), str(SAMPLE_RIGHT))
    assert r.returncode == 0
    assert "articles: 8" in r.stdout and "conflicts:" in r.stdout


def test_bad_input_exits_2_with_a_message_naming_the_file(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    r = _run("align", str(empty), str(SAMPLE_RIGHT))
    assert r.returncode == 2
    assert str(empty) in r.stderr and "empty" in r.stderr
    assert "Traceback" not in r.stderr
    binary = tmp_path / "photo.jpg"
    binary.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" * 50)
    r = _run("align", str(SAMPLE_LEFT), str(binary), "--json")
    assert r.returncode == 2 and str(binary) in r.stderr and r.stdout == ""
