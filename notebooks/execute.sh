#!/usr/bin/env bash
# Executes every notebook with the evcxr kernel, offline, and fails on a compile error or a
# panic in any cell. nbconvert fails on an error output, but evcxr reports a panic on
# stderr and nbconvert still exits 0: so the executed notebooks' outputs are searched too.
set -euo pipefail
cd "$(dirname "$0")"
out=$(mktemp -d)
status=0
for nb in lesson_*.ipynb; do
  echo "-- $nb"
  if ! python3 -m nbconvert --to notebook --execute --ExecutePreprocessor.timeout=600 \
      --output-dir "$out" "$nb" > "$out/$nb.log" 2>&1; then
    cat "$out/$nb.log"; status=1; continue
  fi
  if ! python3 - "$out/$nb" <<'PY'
import json, sys
nb = json.load(open(sys.argv[1]))
bad = []
for i, cell in enumerate(nb["cells"]):
    for o in cell.get("outputs", []):
        text = "".join(o.get("text", "")) if o.get("output_type") == "stream" else ""
        if o.get("output_type") == "error" or (o.get("name") == "stderr" and ("panicked" in text or "error" in text)):
            bad.append((i, o.get("ename") or text.strip()[:400]))
if bad:
    for i, what in bad:
        print(f"cell {i}: {what}")
    sys.exit(1)
PY
  then status=1; fi
done
rm -rf "$out"
exit $status
