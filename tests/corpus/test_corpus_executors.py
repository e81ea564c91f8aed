"""The executor is pluggable: a Dask cluster gives exactly what the local process pool gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.cli import main
from reviewer.core.corpus.store import CorpusProject


def blobs(project: Path) -> dict[str, tuple]:
    with CorpusProject.open(project) as cp:
        rows = cp.conn.execute(
            "SELECT path, left_sha256, right_sha256, engine_version, alignment, articles, "
            "units, conflicts, items, conflicts_left, items_left, error FROM page ORDER BY path"
        ).fetchall()
    return {r[0]: r[1:] for r in rows}


def test_dask_local_cluster_matches_the_local_pool(capsys, corpus, tmp_path) -> None:
    distributed = pytest.importorskip("distributed")
    web, pdf = corpus
    local, remote = tmp_path / "local.reviewer", tmp_path / "dask.reviewer"
    assert main(["corpus", "align", str(web), str(pdf), "--project", str(local)]) == 0
    # In-process scheduler and worker threads: starts in about a second.
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None
    ) as cluster:
        args = ["corpus", "align", str(web), str(pdf), "--project", str(remote)]
        assert main([*args, "--dask", cluster.scheduler_address]) == 0
    out = capsys.readouterr().out
    assert "pages: 3 (3 aligned now, 0 unchanged)" in out
    assert blobs(remote) == blobs(local)
    assert len(blobs(local)) == 3


def test_missing_scheduler_is_a_clear_error(capsys, corpus, monkeypatch) -> None:
    pytest.importorskip("distributed")
    monkeypatch.setattr("reviewer.core.corpus.executors.DASK_TIMEOUT", "0.5s")
    web, pdf = corpus
    code = main(["corpus", "align", str(web), str(pdf), "--dask", "tcp://127.0.0.1:9"])
    err = capsys.readouterr().err
    assert code == 2
    assert "tcp://127.0.0.1:9: cannot reach the Dask scheduler" in err
