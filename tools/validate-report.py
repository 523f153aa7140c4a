#!/usr/bin/python3
"""Validates ahaki-check JSON reports against schemas/report.schema.json.
Usage: validate-report.py SCHEMA REPORT.json...   (Debian package python3-jsonschema)"""
import json
import sys

import jsonschema

schema = json.load(open(sys.argv[1], encoding="utf-8"))
validator = jsonschema.Draft202012Validator(schema)
failed = False
for path in sys.argv[2:]:
    report = json.load(open(path, encoding="utf-8"))
    for error in validator.iter_errors(report):
        failed = True
        print(f"{path}: {'/'.join(map(str, error.absolute_path))}: {error.message}")
    print(f"{path}: {'invalid' if failed else 'valid'}")
sys.exit(1 if failed else 0)
