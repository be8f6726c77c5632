#!/usr/bin/env bash
# End to end, through the real keyboard path: the canvas's keys (Delete, Ctrl+A, Ctrl+C, Ctrl+V,
# Ctrl+Z, Ctrl+D) typed into the palette's search entry and into the inspector's Label entry,
# with a node selected on the canvas, leave the project alone — the file saved with Ctrl+S is
# byte for byte what it was and the title shows no unsaved mark — while each entry still does
# what its own keys ask (Enter in the search places a stencil, Enter in Label renames), and
# Delete, Ctrl+Z and Ctrl+Shift+Z with the focus on the canvas still edit it; Ctrl+S, Ctrl+O and
# Ctrl+Shift+N still work from a text field. Needs a display (run under xvfb-run).
set -euo pipefail

if [ -z "${DISPLAY:-}" ] || ! command -v xdotool >/dev/null; then
  echo "SKIP: needs a display and xdotool"
  exit 77
fi

work=$(mktemp -d)
# The app is gone before the next test starts: a window still closing would be found by its name.
trap 'if kill "$app" 2>/dev/null; then wait "$app" 2>/dev/null || true; fi; rm -rf "$work"' EXIT
file="$work/keys-estate.bulwark"
cp "$BW_SOURCE_DIR/tests/fixtures/good/small.bulwark" "$file"
cp "$file" "$work/baseline"

HOME="$work" XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" XDG_CACHE_HOME="$work/cache" \
  "$BW_BULWARK" "$file" >"$work/app.log" 2>&1 &
app=$!

window=$(timeout 20 xdotool search --sync --onlyvisible --name "keys-estate.bulwark" | head -1)
eval "$(xdotool getwindowgeometry --shell "$window")"   # X, Y, WIDTH, HEIGHT
sleep 2

fail () {
  echo "FAIL: $*"
  cat "$work/app.log"
  exit 1
}

# Where things are in the window at its default size (1400 × 880 plus the frame).
search_x=$((X + 120)); search_y=$((Y + 77))
node_x=$((X + 330)); node_y=$((Y + 217))   # the VM, n1, as the view is fitted on opening
inspector_tab_x=$((X + 1246)); inspector_tab_y=$((Y + 70))
label_x=$((X + 1246)); label_y=$((Y + 211))

modified () { xdotool getwindowname "$window" | grep -q '•'; }
inode () { stat -c %i "$file"; }
kinds () { grep -c '"kind"' "${1:-$file}"; }

# Waits (a busy machine is slow) until the command succeeds; false after about fifteen seconds.
wait_for () {
  for _ in $(seq 1 60); do
    if "$@"; then return 0; fi
    sleep 0.25
  done
  return 1
}

# Ctrl+S, and waits until the file on disk was replaced (saves are atomic: a new inode).
save () {
  local before
  before=$(inode)
  xdotool key ctrl+s
  inode_changed () { [ "$(inode)" != "$before" ]; }
  wait_for inode_changed || fail "Ctrl+S did not save"
}

# Clicks the VM: it is selected and the canvas has the focus.
select_vm () {
  xdotool mousemove "$node_x" "$node_y" click 1
  sleep 0.4
}

# The canvas's keys, typed into whatever has the focus.
canvas_keys () {
  for key in Delete ctrl+a Delete ctrl+c ctrl+v ctrl+z ctrl+d; do
    xdotool key "$key"
    sleep 0.15
  done
}

# The keys must leave the document alone: no unsaved mark, and Ctrl+S writes the same bytes.
check_untouched () {
  sleep 0.5
  if modified; then fail "$1: the title shows unsaved changes"; fi
  save
  cmp -s "$file" "$work/baseline" || { diff "$work/baseline" "$file" || true; fail "$1: the document changed"; }
}

# 1. The palette's search entry, with a node selected on the canvas.
done_search=0
for attempt in 1 2 3; do
  select_vm
  xdotool mousemove "$search_x" "$search_y" click 1
  sleep 0.4
  xdotool type --delay 40 "vm"
  canvas_keys
  check_untouched "search entry"
  # The entry kept the focus and its own keys: Enter places the first match of the search.
  xdotool key ctrl+a
  xdotool type --delay 40 "storage"
  sleep 0.5   # the search entry reports its text after a short delay
  xdotool key Return
  if wait_for modified; then done_search=1; break; fi
  echo "attempt $attempt: the search entry did not have the focus; trying again"
done
[ "$done_search" = 1 ] || fail "could not focus the search entry"
save
[ "$(kinds)" -gt "$(kinds "$work/baseline")" ] || fail "Enter in the search entry placed nothing"
cp "$file" "$work/baseline"

# 2. The inspector's Label entry, with that node selected.
done_label=0
for attempt in 1 2 3; do
  select_vm
  xdotool mousemove "$inspector_tab_x" "$inspector_tab_y" click 1
  sleep 0.5
  xdotool mousemove "$label_x" "$label_y" click 1
  sleep 0.4
  xdotool key End
  xdotool type --delay 40 "x"
  canvas_keys
  check_untouched "Label entry"
  xdotool key ctrl+a
  xdotool type --delay 40 "Renamed VM"
  xdotool key Return
  if wait_for modified; then done_label=1; break; fi
  echo "attempt $attempt: the Label entry did not have the focus; trying again"
done
[ "$done_label" = 1 ] || fail "could not focus the Label entry"
save
grep -q '"label": "Renamed VM"' "$file" || fail "Enter in the Label entry did not rename the node"
cp "$file" "$work/baseline"

# 3. On the canvas the same key edits the diagram: Delete removes the selected node.
select_vm
xdotool key Delete
wait_for modified || fail "Delete on the canvas did not delete"
# …and with the focus there Ctrl+Z undoes it and Ctrl+Shift+Z redoes it.
unmodified () { ! modified; }
xdotool key ctrl+z
wait_for unmodified || fail "Ctrl+Z on the canvas did not undo"
xdotool key ctrl+shift+z
wait_for modified || fail "Ctrl+Shift+Z on the canvas did not redo"
save
grep -q '"id": "n1"' "$file" && fail "Delete on the canvas left the node in the file"
"$BW_BULWARK" validate "$file" >/dev/null

# 4. The window's and the application's keys work from a text field too: Ctrl+O asks for a
#    file, Ctrl+Shift+N opens a new window (Ctrl+S did above).
xdotool mousemove "$search_x" "$search_y" click 1
sleep 0.4
xdotool key ctrl+o
timeout 15 xdotool search --sync --onlyvisible --name "Open Project" >/dev/null ||
  fail "Ctrl+O in the search entry did not ask for a file"
xdotool key Escape
sleep 0.5
xdotool mousemove "$search_x" "$search_y" click 1
sleep 0.4
xdotool key ctrl+shift+n
timeout 15 xdotool search --sync --onlyvisible --name "Untitled Estate" >/dev/null ||
  fail "Ctrl+Shift+N in the search entry did not open a window"
echo "ok: the canvas's keys stay out of the search and Label entries, and work on the canvas"
