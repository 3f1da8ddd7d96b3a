#!/usr/bin/python3
"""Convert a briefc report from YAML to strict JSON (RFC 8259) with the same content.

    tools/yaml2json.py REPORT.yaml [OUT.json]     (stdout when OUT is left out)

Every scalar keeps its text exactly as written: the YAML is composed into nodes
(no type resolution), so `2017-08-30`, `title: 2017` and `957.1` stay text.
Only the number fields of format-v1 (briefc, version, target, done, progress,
widths) become JSON numbers, and only when written unquoted; their digits are
copied as written (`73.30` stays `73.30`). `estimated: true|false` becomes a JSON
boolean. A quoted "179" stays a string, so briefc reports the same error for
both files. Non-ASCII characters are written as themselves, except characters
outside the BMP, which are written as UTF-16 surrogate escapes (\\uD842\\uDFB7).
Needs python3-yaml (PyYAML).
"""
import re
import sys

import yaml

NUMBER_KEYS = {"briefc", "version", "target", "done", "progress", "widths"}
BOOLEAN_KEYS = {"estimated"}
JSON_NUMBER = re.compile(r"-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?\Z")
INDENT = "  "


class ConvertError(Exception):
    def __init__(self, node, message):
        mark = node.start_mark
        super().__init__(f"{mark.name}:{mark.line + 1}:{mark.column + 1}: error: {message}")


class Raw(str):
    """JSON text emitted verbatim (a number or a boolean literal)."""


def scalar_value(node, kind):
    """The value of a scalar node: its text, or a Raw literal in a typed field."""
    text = node.value
    plain = node.style is None
    if plain and kind == "number" and JSON_NUMBER.match(text):
        return Raw(text)
    if plain and kind == "boolean" and text in ("true", "false"):
        return Raw(text)
    # Anything else (quoted numbers, `yes`, `1_000`) stays text: briefc rejects
    # it in the JSON exactly as it does in the YAML.
    return text


def convert(node, kind=None):
    """Turn a composed YAML node into Python lists, dicts and strings."""
    if isinstance(node, yaml.MappingNode):
        result = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise ConvertError(key_node, "a mapping key must be a scalar")
            key = key_node.value
            if key == "<<":
                raise ConvertError(key_node, "merge keys ('<<') are not part of format v1")
            if key in result:
                raise ConvertError(key_node, f"duplicate key '{key}'")
            child_kind = "number" if key in NUMBER_KEYS else "boolean" if key in BOOLEAN_KEYS else None
            result[key] = convert(value_node, child_kind)
        return result
    if isinstance(node, yaml.SequenceNode):
        # Only `widths` is a list of numbers; the kind passes through to its items.
        return [convert(item, kind) for item in node.value]
    return scalar_value(node, kind)


def json_string(text):
    out = ['"']
    for ch in text:
        code = ord(ch)
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\r":
            out.append("\\r")
        elif code < 0x20 or code == 0x7F:
            out.append(f"\\u{code:04X}")
        elif code > 0xFFFF:
            # Outside the BMP: a UTF-16 surrogate pair, readable by any JSON tool.
            code -= 0x10000
            out.append(f"\\u{0xD800 + (code >> 10):04X}\\u{0xDC00 + (code & 0x3FF):04X}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def is_flat_number_list(value):
    return isinstance(value, list) and value and all(isinstance(v, Raw) for v in value)


def emit(value, depth=0):
    """JSON text for value, 2-space indent; short lists of numbers stay on one line."""
    pad = INDENT * (depth + 1)
    if isinstance(value, Raw):
        return str(value)
    if isinstance(value, str):
        return json_string(value)
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = [f"{pad}{json_string(k)}: {emit(v, depth + 1)}" for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + INDENT * depth + "}"
    if not value:
        return "[]"
    if is_flat_number_list(value):
        return "[" + ", ".join(value) + "]"
    items = [pad + emit(v, depth + 1) for v in value]
    return "[\n" + ",\n".join(items) + "\n" + INDENT * depth + "]"


def yaml_to_json(text, name):
    loader = yaml.BaseLoader(text)
    loader.name = name
    try:
        node = loader.get_single_node()
    finally:
        loader.dispose()
    if node is None:
        raise ValueError(f"{name}: error: the file holds no YAML document")
    return emit(convert(node)) + "\n"


def main(argv):
    if len(argv) not in (2, 3):
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    source = argv[1]
    try:
        with open(source, encoding="utf-8") as f:
            text = f.read()
        result = yaml_to_json(text, source)
    except (OSError, UnicodeDecodeError, ValueError, ConvertError, yaml.YAMLError) as e:
        print(f"yaml2json: {e}", file=sys.stderr)
        return 1
    if len(argv) == 3:
        with open(argv[2], "w", encoding="utf-8", newline="\n") as f:
            f.write(result)
    else:
        sys.stdout.write(result)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
