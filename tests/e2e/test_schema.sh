#!/bin/bash
# test_schema.sh — every report in data/ (and the report fixtures) must
# validate against data/briefc-1.schema.json, and each file under
# tests/fixtures/report/invalid/ must fail it. The shipped layouts and the
# layout fixtures that briefc accepts must validate against
# data/briefc-layout-1.schema.json; those it refuses must fail it, unless
# what is wrong is beyond a schema (listed below with the reason). Uses
# Debian's python3-yaml and python3-jsonschema. $1 (the briefc binary) is
# not needed here.
set -u
cd "$(dirname "$0")/../.." || exit 1
PY=/usr/bin/python3
if ! $PY -c 'import yaml, jsonschema' 2>/dev/null; then
    echo "test_schema: needs python3-yaml and python3-jsonschema" >&2
    echo "0 passed, 1 failed"
    exit 1
fi
exec $PY - "$@" <<'PYEOF'
import glob, json, os, re, sys
import yaml, jsonschema

class Loader(yaml.SafeLoader):
    """YAML as briefc reads it: dates stay strings (no timestamp type)."""

Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

class LayoutLoader(Loader):
    """Layouts as briefc and YAML 1.2 editors read them: `yes`, `no`, `on`
    and `off` are text, not booleans (briefc refuses `mirror: yes`)."""

LayoutLoader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:bool"]
    for k, v in Loader.yaml_implicit_resolvers.items()
}
LayoutLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))

def load(path, loader=Loader):
    with open(path, encoding="utf-8") as f:
        if path.endswith(".json"):
            return json.load(f)
        return yaml.load(f, Loader=loader)

def validator_of(path):
    with open(path, encoding="utf-8") as f:
        schema = json.load(f)
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)

validator = validator_of("data/briefc-1.schema.json")
layout_validator = validator_of("data/briefc-layout-1.schema.json")

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

# ---- layouts ----
# Every layout fixture, with what briefc says of it: True it loads, False it
# is refused and the schema must refuse it too; a string: refused for a reason
# no schema can see (it is then valid for the schema). A fixture missing here
# is a failure, so each new one gets a verdict.
LAYOUT_FIXTURES = {
    "bad-version.yaml": False,
    "bars-child.yaml": True,
    "blocks-errors.yaml": False,
    "child-size.yaml": True,
    "child.json": True,
    "control-chars.yaml": False,
    "cycle-a.yaml": "the extends cycle runs through another file",
    "cycle-b.yaml": "the extends cycle runs through another file",
    "enum-typos.yaml": False,
    "errors.yaml": False,
    "extends-missing.yaml": "the layout it extends does not exist",
    "grandchild.yaml": True,
    "grid-fine.yaml": "its grid's cells are too narrow for the sizes of the layout it extends",
    "grid-tight.yaml": True,
    "incomplete-root.yaml": False,
    "missing-version.yaml": False,
    "no-room.yaml": "its margins are too wide for the page of the layout it extends",
    "not-mapping.yaml": False,
    "official-errors.yaml": False,
    "plain-root.yaml": True,
    "range-page.yaml": False,
    "range-values.yaml": False,
    "tight-margins.yaml": "the offsets of the layout it extends do not fit its margins",
    "tiny-page.yaml": "the styles of the layout it extends do not fit its page",
    "warnings-only.yaml": True,
}
for path in sorted(glob.glob("layouts/*.yaml") + glob.glob("layouts/*.json")):
    errors = list(layout_validator.iter_errors(load(path, LayoutLoader)))
    for e in errors[:5]:
        print("     %s: %s at /%s" % (path, e.message, "/".join(map(str, e.absolute_path))))
    result(not errors, "valid   " + path)

for path in sorted(glob.glob("tests/fixtures/style/*")):
    name = os.path.basename(path)
    if name not in LAYOUT_FIXTURES:
        result(False, "verdict " + path + " (add it to LAYOUT_FIXTURES in test_schema.sh)")
        continue
    verdict = LAYOUT_FIXTURES[name]
    errors = list(layout_validator.iter_errors(load(path, LayoutLoader)))
    if verdict is False:
        result(bool(errors), "refused " + path + (" (%s)" % errors[0].message[:70] if errors else ""))
    else:
        for e in errors[:5]:
            print("     %s: %s at /%s" % (path, e.message, "/".join(map(str, e.absolute_path))))
        why = "" if verdict is True else " (briefc refuses it: %s)" % verdict
        result(not errors, "valid   " + path + why)

print("%d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
PYEOF
