"""The claims table's rows as the worker makes them (store.store_record): one per claim, in the
columns of the long form, with integers beyond 64 bits (which SQLite cannot hold) as floats."""

from __future__ import annotations

import json
import sqlite3

from reportparse import parse_text
from reportparse.export import CSV_COLUMNS, flat_claim, render
from reportparse.store import store_record


def _data() -> dict:
    return parse_text("2025年全市地区生产总值达到1.2万亿元，增长5.5%。").to_dict()


def test_a_row_holds_the_long_forms_columns_in_order():
    data = _data()
    rows = store_record(data).rows
    assert len(rows) == len(data["claims"]) == 2
    for n, (row, claim) in enumerate(zip(rows, data["claims"])):
        flat = flat_claim(claim, data["document"])
        assert row == (data["document"]["sha256"], n, *(flat[c] for c in CSV_COLUMNS if c != "doc_sha256"))


def test_a_number_beyond_64_bits_becomes_a_float_that_sqlite_takes():
    data = _data()
    claim = data["claims"][0]
    claim["value"], claim["low"], claim["high"] = 2**70, -(2**70), 2**64
    row = store_record(data).rows[0]
    columns = [c for c in CSV_COLUMNS if c != "doc_sha256"]
    got = {c: row[2 + i] for i, c in enumerate(columns)}
    assert (got["value"], got["low"], got["high"]) == (float(2**70), float(-(2**70)), float(2**64))
    assert isinstance(got["span_start"], int) and got["period"] == 2025
    sqlite3.connect(":memory:").execute("SELECT ?, ?, ?", (got["value"], got["low"], got["high"]))


def test_the_stored_document_is_the_json_output_and_reads_back_whole():
    data = _data()
    stored = store_record(data).document_json
    assert stored == render(data, "json")
    assert json.loads(stored) == data
