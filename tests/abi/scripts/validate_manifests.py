"""Validates manifests against plugin_api/manifest.schema.json (JSON Schema 2020-12).

    python3 validate_manifests.py SCHEMA MANIFEST...

Exit code 0 when every manifest is valid; else 1, one line per invalid manifest on stderr.
"""
import json
import sys

import jsonschema


def main(schema_path, manifest_paths):
    with open(schema_path) as f:
        validator = jsonschema.Draft202012Validator(json.load(f))
    bad = 0
    for path in manifest_paths:
        with open(path) as f:
            errors = list(validator.iter_errors(json.load(f)))
        for error in errors:
            print(f"{path}: {error.json_path}: {error.message}", file=sys.stderr)
        bad += bool(errors)
    print(f"{len(manifest_paths) - bad} of {len(manifest_paths)} manifests valid")
    return 1 if bad or not manifest_paths else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2:]))
