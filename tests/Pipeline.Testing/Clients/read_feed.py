"""Reads the published files with real clients (Debian's python3-pandas, python3-openpyxl, python3-jsonschema)
and prints what they saw as JSON, for the C# tests to compare with progress.json. Never imports our code."""
import json
import sys


def pandas_csv(path):
    import pandas
    frame = pandas.read_csv(path, encoding="utf-8-sig", dtype={"全国地方公共団体コード": str, "area_code": str, "GeoCode": str})
    return {
        "columns": list(frame.columns),
        "dtypes": {c: str(t) for c, t in frame.dtypes.items()},
        "rows": json.loads(frame.to_json(orient="records", force_ascii=False)),
    }


def validate(schema_path, instance_path):
    import jsonschema
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    with open(instance_path, encoding="utf-8-sig") as f:
        instance = json.load(f)
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    validator = cls(schema, format_checker=cls.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(instance), key=lambda e: list(e.absolute_path))
    return {"validator": cls.__name__, "errors": ["/".join(map(str, e.absolute_path)) + ": " + e.message for e in errors]}


def workbook(path):
    import openpyxl
    book = openpyxl.load_workbook(path)
    sheets = []
    for ws in book.worksheets:
        sheets.append({
            "name": ws.title,
            "rows": [[c for c in row] for row in ws.iter_rows(values_only=True)],
            "freeze": ws.freeze_panes,
            "printTitleRows": ws.print_title_rows,
            "orientation": ws.page_setup.orientation,
            "paperSize": int(ws.page_setup.paperSize) if ws.page_setup.paperSize is not None else None,
            "fitToWidth": ws.page_setup.fitToWidth,
            "fitToPage": ws.sheet_properties.pageSetUpPr.fitToPage if ws.sheet_properties.pageSetUpPr else None,
            "highlighted": [r[0].row for r in ws.iter_rows(min_row=2) if r[0].fill is not None and r[0].fill.fgColor is not None and r[0].fill.fgColor.rgb == "FFFFF2CC"],
        })
    return {"sheets": sheets}


def yaml_file(path):
    import yaml
    with open(path, encoding="utf-8") as f:
        return yaml.safe_load(f)


if __name__ == "__main__":
    mode, *args = sys.argv[1:]
    result = {"pandas": pandas_csv, "validate": validate, "workbook": workbook, "yaml": yaml_file}[mode](*args)
    json.dump(result, sys.stdout, ensure_ascii=False, default=str)
