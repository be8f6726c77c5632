#!/usr/bin/env bash
# End to end, through the real keyboard and mouse: Tab goes from node to node and then out of
# the canvas (Shift+Tab before the first); F6 and Shift+F6 go from pane to pane and Ctrl+F to
# the palette's search (typing there and Enter places a stencil); Ctrl+L connects the selected
# node to one picked by typing its name; a right click opens the node's menu, whose Rename…
# renames in place; a double click renames too, Escape leaving the name; the Menu key opens
# the selection's menu, whose last item deletes it. Each checked in the file saved with Ctrl+S.
# Needs a display (run under xvfb-run).
set -euo pipefail

if [ -z "${DISPLAY:-}" ] || ! command -v xdotool >/dev/null; then
  echo "SKIP: needs a display and xdotool"
  exit 77
fi

work=$(mktemp -d)
# The app is gone before the next test starts: a window still closing would be found by its name.
trap 'if kill "$app" 2>/dev/null; then wait "$app" 2>/dev/null || true; fi; rm -rf "$work"' EXIT
file="$work/kbd-estate.bulwark"
cp "$BW_SOURCE_DIR/tests/fixtures/good/small.bulwark" "$file"
cp "$file" "$work/baseline"

HOME="$work" XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" XDG_CACHE_HOME="$work/cache" \
  "$BW_BULWARK" "$file" >"$work/app.log" 2>&1 &
app=$!

window=$(timeout 20 xdotool search --sync --onlyvisible --name "kbd-estate.bulwark" | head -1)
eval "$(xdotool getwindowgeometry --shell "$window")"   # X, Y, WIDTH, HEIGHT
sleep 2

fail () {
  echo "FAIL: $*"
  cat "$work/app.log"
  exit 1
}

# Where things are in the window on the test display (1600 × 1000), the view fitted on opening: the VM (n1,
# first in the file) and Defender for Servers (n2), the middle of their cards.
vm_x=$((X + 373)); vm_y=$((Y + 250))
def_x=$((X + 521)); def_y=$((Y + 250))
empty_x=$((X + 600)); empty_y=$((Y + 752))   # the canvas below the zone

modified () { xdotool getwindowname "$window" | grep -q '•'; }
unmodified () { ! modified; }
inode () { stat -c %i "$file"; }
count () { grep -c "$1" "$file" || true; }

wait_for () {
  for _ in $(seq 1 60); do
    if "$@"; then return 0; fi
    sleep 0.25
  done
  return 1
}

save () {
  local before
  before=$(inode)
  xdotool key ctrl+s
  inode_changed () { [ "$(inode)" != "$before" ]; }
  wait_for inode_changed || fail "Ctrl+S did not save"
}

click () {
  xdotool mousemove "$1" "$2" click "${3:-1}"
  sleep 0.5
}

keys () {
  for key in "$@"; do
    xdotool key "$key"
    sleep 0.3
  done
}

# UI automation races the toolkit on a busy machine: a gesture that changed nothing (a key
# that went elsewhere leaves the document alone) is tried again, up to three times.
try3 () {
  local what=$1; shift
  for attempt in 1 2 3; do
    if "$@"; then return 0; fi
    echo "attempt $attempt: $what; trying again"
    xdotool key Escape
    sleep 0.5
  done
  fail "$what"
}

# Nothing changed: no unsaved mark, and Ctrl+S writes the same bytes.
check_untouched () {
  sleep 0.5
  if modified; then fail "$1: the title shows unsaved changes"; fi
}

# One Ctrl+Z (the focus on the canvas) brings the document back to the start: saved, it is the
# same bytes.
undo_all () {
  click "$empty_x" "$empty_y"
  xdotool key ctrl+z
  sleep 0.5
  save
  cmp -s "$file" "$work/baseline" || { diff "$work/baseline" "$file" || true;
                                       fail "$1: one Ctrl+Z did not undo it"; }
}

# 1. Tab past the last node leaves the canvas: Delete then deletes nothing. So does Shift+Tab
#    before the first.
click "$vm_x" "$vm_y"
keys Tab Tab Delete
check_untouched "Tab past the last node"
click "$vm_x" "$vm_y"
keys shift+Tab Delete
check_untouched "Shift+Tab before the first node"
# …while Tab within the nodes still selects the next: Delete deletes Defender for Servers.
tab_next () {
  click "$vm_x" "$vm_y"
  keys Tab Delete
  wait_for modified
}
try3 "Tab did not go to the next node" tab_next
save
grep -q '"id": "n2"' "$file" && fail "Tab then Delete did not delete the second node"
undo_all "Tab"

# 2. F6, F6 from the canvas reach the palette (past the side panel), Shift+F6 at once; Ctrl+F
#    too. Typed there, a search and Enter place a stencil.
place_by () {
  click "$vm_x" "$vm_y"
  keys "$@"
  xdotool type --delay 40 "storage"
  sleep 0.5
  xdotool key Return
  wait_for modified
}
place_from () {
  local what=$1; shift
  try3 "$what did not reach the palette's search" place_by "$@"
  undo_all "$what"
}
place_from "F6 F6" F6 F6
place_from "Shift+F6" shift+F6
place_from "Ctrl+F" ctrl+f

# 3. Ctrl+L on Defender for Servers, "VM", Enter: it protects the VM, one undo step.
edges=$(count '"from"')
connect_vm () {
  click "$def_x" "$def_y"
  keys ctrl+l
  xdotool type --delay 60 "VM"
  sleep 0.4
  xdotool key Return
  wait_for modified
}
try3 "Ctrl+L, a name and Enter did not connect" connect_vm
save
[ "$(count '"from"')" = $((edges + 1)) ] || fail "Ctrl+L did not add one connection"
grep -A3 '"kind": "protects"' "$file" | grep -q '"to": "n1"' ||
  fail "the connection made with Ctrl+L does not protect the VM"
undo_all "Ctrl+L"

# 4. A right click on the VM opens its menu; its first item, Rename…, renames in place.
menu_rename () {
  click "$vm_x" "$vm_y" 3
  keys Down Return
  xdotool type --delay 40 "Renamed VM"
  xdotool key Return
  wait_for modified
}
try3 "the context menu's Rename… did not rename" menu_rename
save
grep -q '"label": "Renamed VM"' "$file" || fail "Rename… from the context menu set no label"
undo_all "Rename…"

# 5. A double click renames in place; Escape leaves the name as it was.
xdotool mousemove "$def_x" "$def_y" click --repeat 2 --delay 80 1
sleep 0.6
xdotool type --delay 40 "Shield"
xdotool key Escape
check_untouched "Escape in the rename entry"
double_click_rename () {
  xdotool mousemove "$def_x" "$def_y" click --repeat 2 --delay 80 1
  sleep 0.6
  xdotool type --delay 40 "Shield"
  xdotool key Return
  wait_for modified
}
try3 "a double click did not rename" double_click_rename
save
grep -q '"label": "Shield"' "$file" || fail "the double click's rename set no label"
undo_all "double click"

# 6. The Menu key opens the selection's menu: its last item deletes the VM. Shift+F10 too.
menu_delete () {
  click "$vm_x" "$vm_y"
  keys "$1" Up Return
  wait_for modified
}
for key in Menu shift+F10; do
  try3 "$key, then the menu's last item, did not delete" menu_delete "$key"
  save
  grep -q '"id": "n1"' "$file" && fail "$key: the menu's Delete left the VM"
  undo_all "$key"
done
echo "ok: Tab, F6, Ctrl+F, Ctrl+L, the context menu and renaming in place work from the keyboard"
