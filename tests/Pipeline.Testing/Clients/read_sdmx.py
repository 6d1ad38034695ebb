"""Reads progress.dsd.xml and progress.sdmx.csv with sdmx1 (the SDMX library, vendored under vendor/sdmx, Apache-2.0)
and the SDMX-CSV file with pandas, and prints what they saw as JSON for the C# tests. Never imports our code.
Usage: read_sdmx.py STRUCTURE.xml DATA.csv"""
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "vendor"))

import pandas  # noqa: E402
import sdmx  # noqa: E402
from sdmx.reader.csv import Reader as CSVReader  # noqa: E402


def names(item):
    return {lang: text for lang, text in item.name.localizations.items()}


def main(structure_path, data_path):
    message = sdmx.read_sdmx(structure_path)
    codelists = {cl_id: [{"id": code.id, "name": names(code)} for code in cl] for cl_id, cl in message.codelist.items()}
    (flow_id, flow), = message.dataflow.items()
    dsd = flow.structure
    with open(data_path, "rb") as f:
        data = CSVReader().convert(f, structure=flow)
    dataset = data.data[0]
    invalid = []
    observations = []
    for o in dataset.obs:
        key = {k: v.value for k, v in o.key.values.items()}
        attributes = {k: v.value for k, v in o.attached_attribute.items()}
        for k, v in key.items():
            representation = dsd.dimensions.get(k).local_representation
            codelist = representation.enumerated if representation else None
            if codelist is not None and v not in codelist:
                invalid.append([k, v])
        for k, v in attributes.items():
            representation = dsd.attributes.get(k).local_representation
            codelist = representation.enumerated if representation else None
            if codelist is not None and v not in ("", None) and v not in codelist:
                invalid.append([k, v])
        value = o.value
        observations.append({"key": key, "value": None if value in (None, "") else str(value), "attributes": attributes})
    frame = pandas.read_csv(data_path, dtype={"REF_AREA": str, "MONTH": str, "TIME_PERIOD": str}, keep_default_na=False, na_values=[""])
    print(json.dumps({
        "dataflow": flow_id,
        "dataflowName": names(flow),
        "structure": dsd.id,
        "codelists": codelists,
        "dimensions": [d.id for d in dsd.dimensions],
        "measures": [m.id for m in dsd.measures],
        "attributes": [a.id for a in dsd.attributes],
        "action": str(dataset.action),
        "observations": observations,
        "invalid": invalid,
        "pandas": {
            "columns": list(frame.columns),
            "dtypes": {c: str(t) for c, t in frame.dtypes.items()},
            "rows": json.loads(frame.to_json(orient="records", force_ascii=False)),
        },
    }, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
