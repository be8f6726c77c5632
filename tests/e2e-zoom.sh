#!/usr/bin/env bash
# End to end, through the real keyboard path: open the bundled sample, press Ctrl+plus twice
# over the canvas (xdotool), and watch the screen. The canvas first shows the tiles it had,
# scaled (a frame that differs from the one it settles on), then draws them anew once the zoom
# rests: what it settles on is pixel for pixel what it draws when it comes to that zoom from
# afar, where it has no tiles to scale and draws every one fresh. The zoom is checked to have
# grown by two steps (1.25 each), not one, not four, by matching the view at rest against the
# fitted view scaled about the canvas's middle, and its button's label to have changed. No frame
# read on the way in shows a hole of bare canvas where a tile is still to be drawn. Needs a
# display (run under xvfb-run).
set -euo pipefail

if [ -z "${DISPLAY:-}" ] || ! command -v xdotool >/dev/null || ! command -v python3 >/dev/null; then
  echo "SKIP: needs a display, xdotool and python3"
  exit 77
fi

work=$(mktemp -d)
# The app is gone before the next test starts: a window still closing would be found by its name.
trap 'if kill "$app" 2>/dev/null; then wait "$app" 2>/dev/null || true; fi; rm -rf "$work"' EXIT
file="$work/zoom-estate.bulwark"
cp "$BW_SOURCE_DIR/data/samples/reference-architecture.bulwark" "$file"

# The screen, read through Xlib (ctypes: nothing to install). A capture is the window's pixels
# as X keeps them; "settle" polls until they have not changed for a while, so no fixed sleep
# has to guess how long a busy machine takes to draw.
cat >"$work/screen.py" <<'EOF'
import ctypes, ctypes.util, subprocess, sys, time

class XImage (ctypes.Structure):
    _fields_ = [(n, ctypes.c_int) for n in ("width", "height", "xoffset", "format")] + \
               [("data", ctypes.c_void_p)] + \
               [(n, ctypes.c_int) for n in ("byte_order", "bitmap_unit", "bitmap_bit_order",
                                            "bitmap_pad", "depth", "bytes_per_line",
                                            "bits_per_pixel")]

x11 = ctypes.CDLL (ctypes.util.find_library ("X11"))
x11.XOpenDisplay.restype = ctypes.c_void_p
x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
x11.XDefaultRootWindow.restype = ctypes.c_ulong
x11.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
x11.XGetImage.restype = ctypes.POINTER (XImage)
x11.XGetImage.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_int,
                          ctypes.c_uint, ctypes.c_uint, ctypes.c_ulong, ctypes.c_int]
x11.XDestroyImage.argtypes = [ctypes.POINTER (XImage)]
display = None

def grab (x, y, w, h):
    """The area's pixels, 4 bytes each (B, G, R, unused), rows packed."""
    global display
    if display is None:
        display = x11.XOpenDisplay (None)
    ptr = x11.XGetImage (display, x11.XDefaultRootWindow (display), x, y, w, h, 0xFFFFFFFF, 2)
    assert ptr.contents.bits_per_pixel == 32
    stride = ptr.contents.bytes_per_line
    raw = ctypes.string_at (ptr.contents.data, stride * h)
    x11.XDestroyImage (ptr)
    return b"".join ([raw[j * stride:j * stride + 4 * w] for j in range (h)])

def settle (area, deadline, quiet=1.0, seen=None):
    """The area once it has stayed the same for `quiet` seconds (three captures at least);
    `seen` is shown every capture."""
    last = grab (*area)
    if seen is not None:
        seen (last)
    since = time.monotonic ()
    same = 1
    while time.monotonic () < deadline:
        time.sleep (0.05)
        cur = grab (*area)
        if seen is not None:
            seen (cur)
        if cur == last:
            same += 1
            if same >= 3 and time.monotonic () - since >= quiet:
                return cur
        else:
            last, since, same = cur, time.monotonic (), 1
    sys.exit ("the screen did not settle")

def load (path):
    with open (path, "rb") as f:
        return f.read ()

def gray (img, w, h, step):
    """Block means of the pixels' luminance, step × step pixels a block."""
    bw, bh = w // step, h // step
    out = [[0.0] * bw for _ in range (bh)]
    for j in range (bh * step):
        row = out[j // step]
        base = j * w * 4
        for i in range (bw * step):
            p = base + i * 4
            row[i // step] += img[p] * 0.11 + img[p + 1] * 0.59 + img[p + 2] * 0.30
    return out

cmd, args = sys.argv[1], sys.argv[2:]
if cmd == "settle":
    # settle OUT X Y W H
    area = tuple (map (int, args[1:5]))
    with open (args[0], "wb") as f:
        f.write (settle (area, time.monotonic () + 15))
elif cmd == "keys":
    # keys BEFORE FIRST SETTLED X Y W H X0 Y0 X1 Y1 KEY...: types the keys, keeps the first
    # capture that differs from BEFORE and what the area settles on, and prints how many of
    # the frames read on the way have a hole in the rectangle: a square of 64 × 64 pixels
    # of the canvas's bare white, where a tile shows not even the grid (dots 12 to 24 px apart)
    before = load (args[0])
    area = tuple (map (int, args[3:7]))
    w = area[2]
    x0, y0, x1, y1 = map (int, args[7:11])
    keys = subprocess.Popen (["xdotool", "key", "--delay", "40"] + args[11:])
    deadline = time.monotonic () + 15
    while True:
        first = grab (*area)
        if first != before:
            break
        if time.monotonic () > deadline:
            sys.exit ("the keys changed nothing on screen")
        time.sleep (0.01)
    if keys.wait () != 0:
        sys.exit ("xdotool failed")
    frames = [first]
    def seen (img):
        if img != frames[-1]:
            frames.append (img)
    settled = settle (area, deadline, seen=seen)
    white = b"\xff\xff\xff" + first[3:4]
    holes = 0
    for img in frames:
        holes += any (all (img[((by + j) * w + bx) * 4:((by + j) * w + bx + 64) * 4] == white * 64
                           for j in range (64))
                      for by in range (y0, y1 - 63, 64) for bx in range (x0, x1 - 63, 64))
    with open (args[1], "wb") as f:
        f.write (first)
    with open (args[2], "wb") as f:
        f.write (settled)
    print (holes)
elif cmd == "diff":
    # diff A B W X0 Y0 X1 Y1: how many pixels of the rectangle differ
    a, b = load (args[0]), load (args[1])
    w, x0, y0, x1, y1 = map (int, args[2:7])
    n = 0
    for j in range (y0, y1):
        ra, rb = a[(j * w + x0) * 4:(j * w + x1) * 4], b[(j * w + x0) * 4:(j * w + x1) * 4]
        if ra != rb:
            n += sum (1 for i in range (0, len (ra), 4) if ra[i:i + 3] != rb[i:i + 3])
    print (n)
elif cmd == "scale":
    # scale FITTED ZOOMED W H CX CY X0 Y0 X1 Y1 R...: which R best maps the fitted view onto
    # the zoomed one, zoomed about (CX, CY), over the rectangle (in 4 × 4 blocks)
    w, h, cx, cy, x0, y0, x1, y1 = map (int, args[2:10])
    step = 4
    a = gray (load (args[0]), w, h, step)
    b = gray (load (args[1]), w, h, step)
    best = None
    for r in args[10:]:
        err, n = 0.0, 0
        for j in range (y0 // step, y1 // step):
            for i in range (x0 // step, x1 // step):
                # The block's middle, back to where it was before the zoom.
                sx = (cx + ((i + 0.5) * step - cx) / float (r)) / step
                sy = (cy + ((j + 0.5) * step - cy) / float (r)) / step
                err += abs (b[j][i] - a[int (sy)][int (sx)])
                n += 1
        err /= n * step * step
        print ("zoom x%s: mean difference %.1f" % (r, err), file=sys.stderr)
        if best is None or err < best[1]:
            best = (r, err)
    print (best[0])
EOF
screen () { python3 "$work/screen.py" "$@"; }

HOME="$work" XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" XDG_CACHE_HOME="$work/cache" \
  "$BW_BULWARK" "$file" >"$work/app.log" 2>&1 &
app=$!

window=$(timeout 20 xdotool search --sync --onlyvisible --name "zoom-estate.bulwark" | head -1)
eval "$(xdotool getwindowgeometry --shell "$window")"   # X, Y, WIDTH, HEIGHT
area=("$X" "$Y" "$WIDTH" "$HEIGHT")

fail () {
  echo "FAIL: $*"
  cat "$work/app.log"
  exit 1
}

# Where things are in the window at its default size (1440 × 900): the canvas spans
# (238, 57)–(1056, 896), its middle, about which the keys zoom, is (647, 477); its zoom button
# (its label, "40%" as the sample is fitted on opening) is around (1010, 90); the legend is at
# its top left, the coverage strip along its bottom.
if [ "$WIDTH" != 1440 ] || [ "$HEIGHT" != 900 ]; then
  fail "the window is $WIDTH × $HEIGHT, not 1440 × 900"
fi
cx=647; cy=477
canvas=(238 57 1056 896)
label=(985 75 1035 105)
# The diagram away from the legend, the zoom button and the strip, which do not zoom.
diagram=(420 130 940 790)

# Focus the canvas by clicking on it where it is empty (between the legend and the diagram),
# and leave the pointer there: it hovers nothing as the view zooms, and shows no tooltip.
xdotool mousemove $((X + 300)) $((Y + 500)) click 1
screen settle "$work/fitted" "${area[@]}"

# Two steps in, typed 40 ms apart: the second comes while the first still scales its tiles.
# The first frame after the keys shows the cached tiles scaled, not what the canvas settles
# on; a busy machine may keep the screen from being read before the zoom rests, so the steps
# are tried again from the view fitted anew (Ctrl+1), up to three times.
for attempt in 1 2 3; do
  holes=$(screen keys "$work/fitted" "$work/first" "$work/zoomed" "${area[@]}" "${diagram[@]}" \
            ctrl+plus ctrl+plus) || fail "Ctrl+plus did not zoom"
  # Zooming in, the tiles it has cover the view: no frame shows the bare canvas (as one did
  # when the zoom came to rest and threw its tiles away before it had drawn all new ones).
  [ "$holes" = 0 ] || fail "$holes frames on the way showed holes where tiles were not drawn"
  kill -0 "$app" || fail "the app is gone"
  blurred=$(screen diff "$work/first" "$work/zoomed" "$WIDTH" "${canvas[@]}")
  [ "$blurred" -gt 0 ] && break
  echo "attempt $attempt: the first frame read was already the one at rest; trying again"
  screen keys "$work/zoomed" "$work/first" "$work/fitted" "${area[@]}" "${diagram[@]}" ctrl+1 \
    >/dev/null || fail "Ctrl+1 did not fit the view"
done
[ "$blurred" -gt 0 ] || fail "the first frame after the keys was already the one at rest"

changed=$(screen diff "$work/fitted" "$work/zoomed" "$WIDTH" "${diagram[@]}")
[ "$changed" -gt 50000 ] || fail "the diagram hardly changed on zooming in ($changed pixels)"
changed=$(screen diff "$work/fitted" "$work/zoomed" "$WIDTH" "${label[@]}")
[ "$changed" -gt 0 ] || fail "the zoom button's label did not change"
# Two steps of 1.25: Ctrl+plus zoomed once a press, about the canvas's middle.
best=$(screen scale "$work/fitted" "$work/zoomed" "$WIDTH" "$HEIGHT" "$cx" "$cy" "${diagram[@]}" \
         1.25 1.5625 1.953125 2.44140625)
[ "$best" = 1.5625 ] || fail "the view zoomed by $best for two steps of 1.25"

# Away and back: four steps out, then four in, in a row. Coming in from 2.44 times further out
# than the tiles it has, the canvas does not scale them but draws every tile fresh at the zoom
# it arrives at, which is the one above.
# (Zooming out shows what it had not drawn: the holes there are the tiles still to come.)
screen keys "$work/zoomed" "$work/first-out" "$work/out" "${area[@]}" "${diagram[@]}" \
  ctrl+minus ctrl+minus ctrl+minus ctrl+minus >/dev/null || fail "Ctrl+minus did not zoom out"
holes=$(screen keys "$work/out" "$work/first-back" "$work/back" "${area[@]}" "${diagram[@]}" \
          ctrl+plus ctrl+plus ctrl+plus ctrl+plus) || fail "Ctrl+plus did not zoom back in"
[ "$holes" = 0 ] || fail "$holes frames on the way back showed holes where tiles were not drawn"

sharp=$(screen diff "$work/back" "$work/zoomed" "$WIDTH" 0 0 "$WIDTH" "$HEIGHT")
[ "$sharp" = 0 ] ||
  fail "at rest the zoomed view is not what the canvas draws fresh at that zoom ($sharp pixels differ)"
echo "ok: zoomed in two steps, scaled first ($blurred pixels apart), sharp at rest"
