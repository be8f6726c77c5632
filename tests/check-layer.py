#!/usr/bin/env python3
# Validates an ATT&CK Navigator layer against tests/fixtures/export/layer-4.5.schema.json and
# the rules a schema cannot say: the gradient's bounds, scores within them.
import json
import sys

import jsonschema

schema = json.load(open(sys.argv[1]))
layer = json.load(open(sys.argv[2]))
jsonschema.validate(layer, schema)
g = layer["gradient"]
assert g["maxValue"] > g["minValue"], "gradient: maxValue must be above minValue"
for i, t in enumerate(layer.get("techniques", [])):
    if "score" in t:
        assert g["minValue"] <= t["score"] <= g["maxValue"], f"techniques[{i}].score outside the gradient"
print("valid")
