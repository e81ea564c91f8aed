"""The fast jieba load gives exactly jieba's own cuts, and the CLI output does not change."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import jieba
import pytest

from reviewer.core import paths
from reviewer.core.engine import diff, lexicon
from reviewer.core.engine.pipeline import align_files
from reviewer.core.engine.report import to_json


@pytest.fixture(scope="module")
def reference() -> jieba.Tokenizer:
    tk = jieba.Tokenizer()
    tk.initialize()  # jieba's own way: the whole prefix dictionary in a dict
    return tk


@pytest.fixture(scope="module")
def cache_file(reference: jieba.Tokenizer, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cache") / "prefix"
    lexicon._write_cache(path, reference.FREQ, reference.total)
    return path


@pytest.fixture
def fast(cache_file: Path):
    total, blobs = lexicon._read_cache(cache_file)
    return lexicon.lazy_tokenizer(jieba, total, blobs)


def test_lookups_see_exactly_jiebas_words(reference, fast) -> None:
    assert fast.dt is fast and fast.total == reference.total
    words = [w for n, w in enumerate(reference.FREQ) if n % 400 == 0]  # a spread sample
    for word in [*words, "魑魅魍魉魑", "zz", "\U0001f600", "新华社记者", ""]:
        assert fast.FREQ.get(word) == reference.FREQ.get(word), word  # get unpacks by itself
        assert (word in fast.FREQ) == (word in reference.FREQ), word
        if word in reference.FREQ:
            assert fast.FREQ[word] == reference.FREQ[word]
    text = "".join(words[::7]) + "魑魅魍魉魑zz新华社记者"
    assert fast.get_DAG(text) == reference.get_DAG(text)  # get_DAG prepares its text


@pytest.mark.parametrize("hmm", [False, True])
def test_cuts_are_identical_on_the_sample(reference, fast, hmm: bool) -> None:
    for path in (paths.SAMPLE_LEFT, paths.SAMPLE_RIGHT):
        text = path.read_text("utf-8")
        assert list(fast.cut(text, HMM=hmm)) == list(reference.cut(text, HMM=hmm))
    assert list(fast.cut_for_search("中华人民共和国国务院新闻办公室")) == list(
        reference.cut_for_search("中华人民共和国国务院新闻办公室")
    )


def test_damaged_cache_is_ignored(tmp_path: Path) -> None:
    bad = tmp_path / "prefix"
    bad.write_bytes(b"\x00not marshal")
    assert lexicon._read_cache(bad) is None
    assert lexicon._read_cache(tmp_path / "missing") is None


def test_cli_output_is_unchanged_by_the_fast_load(
    reference, cache_file, tmp_path, monkeypatch
) -> None:
    """`reviewer align --json` through the cache prints what jieba's own load gives."""
    cache = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    path = lexicon.cache_path(jieba)
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(cache_file, path)
    built = path.stat().st_mtime_ns
    cmd = [sys.executable, "-m", "reviewer", "align", "--json"]
    cmd += [str(paths.SAMPLE_LEFT), str(paths.SAMPLE_RIGHT)]
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    run = subprocess.run(cmd, env=env, capture_output=True, check=True)
    assert list(path.parent.glob("*.prefix")) == [path] and path.stat().st_mtime_ns == built
    monkeypatch.setattr(diff, "tokenizer", lambda: reference)
    want = to_json(align_files(paths.SAMPLE_LEFT, paths.SAMPLE_RIGHT))
    assert run.stdout.decode("utf-8") == json.dumps(want, ensure_ascii=False) + "\n"
    assert b"pkg_resources" not in run.stderr


def test_hmm_loads_on_first_use_in_a_fresh_process(reference) -> None:
    """jieba.finalseg is deferred until a cut with HMM needs it; then cuts are jieba's."""
    text = "我们在北京天安门广场看升旗仪式，韩佳诺说"
    code = (
        "import sys; from reviewer.core.engine import lexicon; tk = lexicon.load(); "
        "a = 'jieba.finalseg.prob_emit' in sys.modules; "
        f"cut = list(tk.cut({text!r})); "
        "print(a, 'jieba.finalseg.prob_emit' in sys.modules, '/'.join(cut))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, check=True, text=True)
    assert out.stdout.split() == ["False", "True", "/".join(reference.cut(text))]


def test_cache_is_named_by_the_dictionary_hash(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    digest = hashlib.sha256(lexicon._dict_path(jieba).read_bytes()).hexdigest()
    assert lexicon.cache_path(jieba).name == f"jieba-{jieba.__version__}-{digest[:16]}-v2.prefix"
    memo = tmp_path / "reviewer" / "jieba-dict.sha256"
    assert memo.read_text("utf-8").endswith(digest)  # the next start reads this, not 5 MB
    memo.write_text("stale\t1\t2\t" + "0" * 64, encoding="utf-8")  # another file's stamp
    assert digest[:16] in lexicon.cache_path(jieba).name
