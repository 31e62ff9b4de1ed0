"""The plan: deterministic, named and described like CTAO's archive (CTAO-DATA.md §2, §4, §5)."""

import re
from dataclasses import replace

import pytest

from seed.content import render
from seed.generate import BENCH_FILES, BENCH_MEDIUM_FILES, build_plan, profile_for
from seed.reference import RSES

NAME = re.compile(r"^/[A-Za-z0-9][/A-Za-z0-9.\-_]*$")  # ctao_bdms schema NAME (stricter than generic)
TEL_FILE = re.compile(
    r"^TEL(\d{3})_SDH(\d{4})_(\d{8}T\d{6})_SBID(\d{19})_OBSID(\d{19})_CHUNK(\d{3})\.fits\.fz$")
ARRAY_FILE = re.compile(
    r"^SUB(\d{3})_SWAT000_(\d{8}T\d{6})_SBID(\d{19})_OBSID(\d{19})_(SUBARRAY|TEL)_CHUNK000\.fits\.fz$")
DL0_DATASET = re.compile(
    r"^/ctao/acada/DL0/((LSTN|MSTN|LSTS|MSTS|SSTS)-\d\d|ARRAY)/ctao-(north|south)/event/\d{4}/\d\d/\d\d$")
DID_COLUMNS = {"datatype", "project", "run_number", "version", "events", "guid", "campaign",
               "stream_name", "prod_step", "provenance", "length", "bytes", "type", "lifetime", "name"}


@pytest.fixture(scope="module")
def small():
    return build_plan(profile_for("small"))


def test_same_seed_gives_identical_names_metadata_and_bytes(small):
    again = build_plan(profile_for("small"))
    assert [(f.scope, f.name, f.meta) for f in small.files()] == [(f.scope, f.name, f.meta) for f in again.files()]
    assert [render(f, 1).md5 for f in small.files()] == [render(f, 1).md5 for f in again.files()]


def test_another_seed_gives_another_archive(small):
    other = build_plan(profile_for("small"), seed=7)
    assert {f.name for f in other.files()} != {f.name for f in small.files()}


def test_small_is_a_few_hundred_files_in_all_scopes(small):
    assert 200 <= len(small.files()) <= 1000
    assert {d.scope for d in small.datasets} == {"acada", "dpps", "user.alice"}
    assert small.big_dataset is None


def test_every_name_is_a_valid_ctao_lfn_under_its_scope(small):
    names = [f.name for f in small.files()] + [d.name for d in small.datasets] + [c.name for c in small.containers.values()]
    for name in names:
        assert NAME.match(name) and len(name) <= 250, name
    for f in small.files():
        expected = "user.alice" if f.name.startswith("/ctao/user/") else f.name.split("/")[2]
        assert f.scope == expected


def test_dl0_files_follow_the_acada_naming_and_live_in_their_night_directory(small):
    for ds in (d for d in small.datasets if d.scope == "acada"):
        assert DL0_DATASET.match(ds.name), ds.name
        for f in ds.files:
            directory, base = f.name.rsplit("/", 1)
            assert directory == ds.name
            m = TEL_FILE.match(base) or ARRAY_FILE.match(base)
            assert m, base
            assert f.meta["observing_night"].replace("-", "/") == "/".join(ds.name.split("/")[-3:])


def test_dl0_metadata_has_bdms_keys_and_ids_match_the_file_name(small):
    for f in (f for f in small.files() if f.meta.get("data_level") == "DL0"):
        for key in ("observatory", "start_time", "end_time", "sb_id", "obs_id", "valid_fits_checksum"):
            assert key in f.meta
        assert f"OBSID{f.meta['obs_id']:019d}" in f.name and f"SBID{f.meta['sb_id']:019d}" in f.name
        assert 2_000_000_000 < f.meta["obs_id"] < 2_000_100_000
        assert f.meta["observatory"] == "CTA" and f.meta["start_time"] < f.meta["end_time"]
        assert ("tel_ids" in f.meta) == f.name.endswith("_TEL_CHUNK000.fits.fz")
        assert ("subarray_id" in f.meta) == f.name.endswith("_SUBARRAY_CHUNK000.fits.fz")


def test_no_metadata_key_is_a_did_column_or_contains_a_dot(small):
    keys = {k for f in small.files() for k in f.meta}
    assert not keys & DID_COLUMNS
    assert not any("." in k for k in keys)


def test_dl3_nights_have_one_file_per_observation_plus_both_index_files(small):
    for ds in (d for d in small.datasets if "/DL3/" in d.name):
        names = [f.name.rsplit("/", 1)[1] for f in ds.files]
        assert "hdu-index.fits.gz" in names and "obs-index.fits.gz" in names
        index = next(f for f in ds.files if f.name.endswith("obs-index.fits.gz"))
        assert sorted(f"obs_{i}.fits.gz" for i in index.meta["obs_ids"]) == sorted(n for n in names if n.startswith("obs_"))


def test_containers_form_one_tree_under_root_ctao(small):
    for key, c in small.containers.items():
        if key != ("root", "/ctao"):
            assert c.parent in small.containers, key
            assert c.name.startswith(c.parent[1] + "/")
    for ds in small.datasets:
        assert ds.parent in small.containers


def test_replicas_cover_onsite_offsite_and_tape_and_some_datasets_stay_onsite_only(small):
    rse_names = {r.name for r in RSES}
    placements = {ds.rses for ds in small.datasets if ds.scope == "acada"}
    assert all(set(p) <= rse_names for p in placements)
    assert any(len(p) == 1 for p in placements)
    assert any(len(p) == 4 and p[-1] == "PIC-TAPE" for p in placements)


def test_bench_has_one_dataset_of_at_least_100000_files():
    plan = build_plan(profile_for("bench"))
    big = next(d for d in plan.datasets if (d.scope, d.name) == plan.big_dataset)
    assert len(big.files) == BENCH_FILES
    assert len({f.name for f in big.files}) == BENCH_FILES
    assert big.name == "/ctao/acada/DL0/LSTN-01/ctao-north/event/2025/11/20"
    assert len(plan.files()) + len(plan.datasets) + len(plan.containers) >= 100_000


def test_bench_has_a_second_10x_smaller_listing_on_another_telescope_and_the_big_one_is_unchanged():
    plan = build_plan(profile_for("bench"))
    medium = next(d for d in plan.datasets if (d.scope, d.name) == plan.medium_dataset)
    assert len(medium.files) == BENCH_MEDIUM_FILES == BENCH_FILES // 10
    assert medium.name == "/ctao/acada/DL0/LSTN-02/ctao-north/event/2025/11/20"
    assert all("/TEL002_" in f.name for f in medium.files)
    # Adding it must not rename a single file of the big night (a seeded server keeps them).
    without = build_plan(replace(profile_for("bench"), medium_files=0))
    big = lambda p: [f.name for f in next(d for d in p.datasets if (d.scope, d.name) == p.big_dataset).files]
    assert big(plan) == big(without)


def test_files_option_sizes_the_big_night():
    plan = build_plan(profile_for("small", files=5000))
    big = next(d for d in plan.datasets if (d.scope, d.name) == plan.big_dataset)
    assert len(big.files) == 5000


@pytest.mark.parametrize("size", ["small", "bench"])
def test_an_archived_simulation_dataset_is_on_tape_only_in_every_size(size):
    plan = build_plan(profile_for(size))
    tape_only = [d for d in plan.datasets if d.rses == ("PIC-TAPE",)]
    assert [d.name for d in tape_only] == ["/ctao/dpps/SIM/Prod5/ctao-north/gamma/zenith20deg_az180deg"]
    assert len(tape_only[0].files) >= 4
    assert {r.rse_expression for r in tape_only[0].rules} == {"TAPE"}
    assert all(f.meta["sim_production"] == "Prod5" for f in tape_only[0].files)
