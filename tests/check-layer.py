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
# Bulwark's own layers say what their levels are, and name each covering service once.
if layer.get("description", "").startswith("Coverage of"):
    assert "weakest applicable asset" in layer["description"], "description: the levels are not explained"
    for i, t in enumerate(layer.get("techniques", [])):
        names = [m.get("name") for m in t.get("metadata", [])]
        assert names[:4] == ["levels", "protect", "detect", "respond"], f"techniques[{i}].metadata: {names}"
        assert "weakest" in t["metadata"][0]["value"], f"techniques[{i}].metadata[0]: not about the weakest asset"
        comment = t.get("comment", "")
        if ": " in comment and not comment.endswith("no service covers this technique"):
            services = comment.split(": ", 1)[1].split(", ")
            assert len(services) == len(set(services)), f"techniques[{i}].comment: a service named twice"
print("valid")
