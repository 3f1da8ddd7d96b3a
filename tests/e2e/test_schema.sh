#!/bin/bash
# test_schema.sh — every report in data/ (and the report fixtures) must
# validate against data/briefc-1.schema.json, and each file under
# tests/fixtures/report/invalid/ must fail it. Uses Debian's python3-yaml
# and python3-jsonschema. $1 (the briefc binary) is not needed here.
set -u
cd "$(dirname "$0")/../.." || exit 1
PY=/usr/bin/python3
if ! $PY -c 'import yaml, jsonschema' 2>/dev/null; then
    echo "test_schema: needs python3-yaml and python3-jsonschema" >&2
    echo "0 passed, 1 failed"
    exit 1
fi
exec $PY - "$@" <<'PYEOF'
import glob, json, sys
import yaml, jsonschema

class Loader(yaml.SafeLoader):
    """YAML as briefc reads it: dates stay strings (no timestamp type)."""

Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

def load(path):
    with open(path, encoding="utf-8") as f:
        if path.endswith(".json"):
            return json.load(f)
        return yaml.load(f, Loader=Loader)

with open("data/briefc-1.schema.json", encoding="utf-8") as f:
    schema = json.load(f)
cls = jsonschema.validators.validator_for(schema)
cls.check_schema(schema)
validator = cls(schema, format_checker=cls.FORMAT_CHECKER)

passed = failed = 0
def result(ok, what):
    global passed, failed
    if ok:
        passed += 1
        print("ok   " + what)
    else:
        failed += 1
        print("FAIL " + what)

valid = sorted(p for p in glob.glob("data/*.yaml") + glob.glob("data/*.json")
               if not p.endswith(".schema.json"))
valid += ["tests/fixtures/report/full.yaml", "tests/fixtures/report/small.json"]
for path in valid:
    errors = list(validator.iter_errors(load(path)))
    for e in errors[:5]:
        print("     %s: %s at /%s" % (path, e.message, "/".join(map(str, e.absolute_path))))
    result(not errors, "valid   " + path)

for path in sorted(glob.glob("tests/fixtures/report/invalid/*")):
    errors = list(validator.iter_errors(load(path)))
    result(bool(errors), "refused " + path + (" (%s)" % errors[0].message if errors else ""))

print("%d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
PYEOF
