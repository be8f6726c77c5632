#!/usr/bin/env python3
# Installs the project as a Flatpak build does (meson setup --prefix=/app, meson install into a
# DESTDIR) and checks the tree `flatpak build-finish` would export from it: the files the desktop
# sees (desktop entry, metainfo, icons, MIME type), the schema, translations, help and sample, and
# that the installed program runs from that tree alone. `--part tree` needs no display; `--part
# window` opens the window on the installed sample under the test's X display.
#
# The build directory is kept under this build's own directory, so a second run only re-links
# what changed; the installed tree is made afresh in a temporary directory every run.
import argparse
import fcntl
import gettext
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET

# What flatpak build-finish exports from /app/share, and only for files named after the app id.
EXPORT_DIRS = ["applications", "metainfo", "appdata", "icons", "mime/packages",
               "dbus-1/services", "gnome-shell/search-providers"]
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"
MALLARD_NS = "{http://projectmallard.org/1.0/}"
COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
    return condition


def log(message):
    print(message, flush=True)


def run(cmd, **kwargs):
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                          **kwargs)


def exported_name_ok(name, app_id):
    """Flatpak exports a file when its name is the app id followed by nothing, '.' or a
    character that cannot be in an id component (such as the '-' of '-symbolic')."""
    if not name.startswith(app_id):
        return False
    rest = name[len(app_id):]
    return rest == "" or rest[0] == "." or not (rest[0].isalnum() or rest[0] == "_")


def build_and_install(source, work, profile, destdir):
    """Configure (once) and build what meson installs, then install it under destdir."""
    builddir = os.path.join(work, "build")
    os.makedirs(work, exist_ok=True)
    with open(os.path.join(work, "lock"), "w") as lock:
        # The unit and the window part may run at once; one build directory, one builder.
        fcntl.flock(lock, fcntl.LOCK_EX)
        started = time.monotonic()
        if not os.path.exists(os.path.join(builddir, "build.ninja")):
            # The options flatpak-builder gives a meson module.
            result = run(["meson", "setup", "--prefix=/app", "--libdir=lib", "--buildtype=release",
                          "--wrap-mode=nodownload", "-Dprofile=" + profile, builddir, source])
            if result.returncode != 0:
                sys.exit(f"meson setup --prefix=/app failed:\n{result.stdout}")
        # Regenerate first if a meson.build changed, so the list of installed files is current.
        result = run(["ninja", "-C", builddir, "build.ninja"])
        if result.returncode != 0:
            sys.exit(f"reconfiguring {builddir} failed:\n{result.stdout}")
        installed = json.loads(run(["meson", "introspect", "--installed", builddir]).stdout)
        targets = sorted(os.path.relpath(p, builddir) for p in installed
                         if p.startswith(builddir + os.sep))
        # Only what gets installed: the test programs and benchmarks are not part of a Flatpak.
        result = run(["ninja", "-C", builddir, "-j", "2"] + targets)
        if result.returncode != 0:
            sys.exit(f"building the installed targets failed:\n{result.stdout}")
        result = run(["meson", "install", "-C", builddir, "--no-rebuild", "--quiet",
                      "--destdir", destdir])
        if result.returncode != 0:
            sys.exit(f"meson install --destdir failed:\n{result.stdout}")
        log(f"built and installed into a DESTDIR in {time.monotonic() - started:.1f} s")
    info = json.loads(run(["meson", "introspect", "--projectinfo", builddir]).stdout)
    return info["version"]


def run_environment(root, scratch):
    """A session that sees the installed tree first and the system's data after it, with a
    home of its own; the settings schema comes from the tree, compiled as the Flatpak does."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("BW_", "GSETTINGS_", "XDG_", "MESON_"))}
    for d in ("home", "data", "config", "cache", "runtime"):
        os.makedirs(os.path.join(scratch, d), mode=0o700, exist_ok=True)
    system = os.environ.get("XDG_DATA_DIRS") or "/usr/local/share:/usr/share"
    env.update({
        "HOME": os.path.join(scratch, "home"),
        "XDG_DATA_HOME": os.path.join(scratch, "data"),
        "XDG_CONFIG_HOME": os.path.join(scratch, "config"),
        "XDG_CACHE_HOME": os.path.join(scratch, "cache"),
        "XDG_RUNTIME_DIR": os.path.join(scratch, "runtime"),
        "XDG_DATA_DIRS": os.path.join(root, "share") + ":" + system,
        "GSETTINGS_SCHEMA_DIR": os.path.join(root, "share", "glib-2.0", "schemas"),
        "GSETTINGS_BACKEND": "memory",
        "LC_ALL": "C.UTF-8",
    })
    return env


def traced(cmd, trace_log):
    """cmd under strace, recording every file it touches, when strace is there."""
    if shutil.which("strace") is None:
        return cmd
    return ["strace", "-f", "-qq", "-e", "trace=%file", "-o", trace_log] + cmd


def check_trace(what, trace_log, forbidden, must_touch):
    if not os.path.exists(trace_log):
        log(f"{what}: strace is not installed; which files it opened was not checked")
        return
    with open(trace_log, encoding="utf-8", errors="replace") as f:
        trace = f.read()
    paths = set(re.findall(r'"(/[^"]*)"', trace))
    clean = True
    for root in forbidden:
        touched = sorted(p for p in paths if p == root or p.startswith(root + "/"))
        clean = check(not touched, f"{what} touched {len(touched)} paths under {root}: {touched[:5]}") and clean
    for path in must_touch:
        check(path in paths, f"{what} never opened {path}")
    if clean:
        log(f"{what}: {len(paths)} distinct paths touched, none under the source or build trees")


def check_tree(root, source, app_id, version, forbidden):
    share = os.path.join(root, "share")

    # Nothing beyond a program and its data, and nothing the manifest would have to clean up.
    top = sorted(os.listdir(root))
    check(top == ["bin", "share"], f"/app holds {top}, expected only bin and share")
    binary = os.path.join(root, "bin", "bulwark")
    check(os.access(binary, os.X_OK), "bin/bulwark is not an installed program")
    with open(binary, "rb") as f:
        image = f.read()
    # (The source path may appear in assertion messages when building out of tree; a path into
    # a build directory would be data the program expects to find there.)
    for tree in forbidden[1:]:
        check(tree.encode() not in image, f"bin/bulwark embeds the path {tree}")

    # Every file in an exported directory is named after the app id, or Flatpak drops it.
    exported = []
    for sub in EXPORT_DIRS:
        top_dir = os.path.join(share, sub)
        for dirpath, _, files in os.walk(top_dir):
            for name in files:
                rel = os.path.relpath(os.path.join(dirpath, name), share)
                exported.append(rel)
                check(exported_name_ok(name, app_id),
                      f"share/{rel} is not named after {app_id}: flatpak build-finish drops it")
    expected = {
        f"applications/{app_id}.desktop",
        f"metainfo/{app_id}.metainfo.xml",
        f"icons/hicolor/scalable/apps/{app_id}.svg",
        f"icons/hicolor/symbolic/apps/{app_id}-symbolic.svg",
        f"mime/packages/{app_id}.xml",
    }
    check(set(exported) == expected,
          f"exported files are {sorted(exported)}, expected {sorted(expected)}")
    log(f"exported: {', '.join(sorted(exported))}")

    # The icons: SVG documents.
    for rel in sorted(e for e in expected if e.startswith("icons/")):
        try:
            svg = ET.parse(os.path.join(share, rel)).getroot()
            check(svg.tag.endswith("svg"), f"share/{rel} is not an SVG document")
        except (OSError, ET.ParseError) as e:
            check(False, f"share/{rel}: {e}")

    languages = []
    with open(os.path.join(source, "po", "LINGUAS"), encoding="utf-8") as f:
        for line in f:
            languages += line.split("#", 1)[0].split()

    # The desktop entry: valid, runs the installed program, shows the installed icon, opens the
    # installed MIME type, and is translated into every language the project ships.
    desktop = os.path.join(share, "applications", app_id + ".desktop")
    mime_type = None
    if check(os.path.exists(desktop), "no desktop entry installed"):
        result = run(["desktop-file-validate", desktop])
        check(result.returncode == 0 and not result.stdout.strip(),
              f"desktop-file-validate: {result.stdout.strip()}")
        keys = {}
        with open(desktop, encoding="utf-8") as f:
            for line in f:
                if "=" in line and not line.startswith("#"):
                    key, value = line.rstrip("\n").split("=", 1)
                    keys[key] = value
        exec_line = keys.get("Exec", "").split()
        check(exec_line[:1] == ["bulwark"] and os.path.exists(os.path.join(root, "bin", "bulwark")),
              f"desktop entry Exec={keys.get('Exec')} does not run the installed bin/bulwark")
        check(keys.get("Icon") == app_id, f"desktop entry Icon={keys.get('Icon')}, not {app_id}")
        for lang in languages:
            check(f"Comment[{lang}]" in keys, f"desktop entry has no Comment[{lang}]")
        mime_types = [m for m in keys.get("MimeType", "").split(";") if m]
        mime_type = mime_types[0] if mime_types else None

    # The MIME type: the installed package defines the type the desktop entry opens, and the
    # shared MIME database, built from it, maps *.bulwark to that type.
    mime_xml = os.path.join(share, "mime", "packages", app_id + ".xml")
    if check(os.path.exists(mime_xml), "no MIME type package installed"):
        types = [t.get("type") for t in ET.parse(mime_xml).getroot().findall(MIME_NS + "mime-type")]
        check(mime_type in types, f"the desktop entry opens {mime_type}, the package defines {types}")
        with tempfile.TemporaryDirectory() as mimedir:
            os.makedirs(os.path.join(mimedir, "packages"))
            shutil.copy(mime_xml, os.path.join(mimedir, "packages"))
            result = run(["update-mime-database", mimedir])
            check(result.returncode == 0, f"update-mime-database: {result.stdout.strip()}")
            globs = ""
            if os.path.exists(os.path.join(mimedir, "globs2")):
                with open(os.path.join(mimedir, "globs2"), encoding="utf-8") as f:
                    globs = f.read()
            check(re.search(rf"^\d+:{re.escape(str(mime_type))}:\*\.bulwark$", globs, re.M),
                  f"the MIME database built from the package does not map *.bulwark to {mime_type}")

    # The metainfo: valid for AppStream, and with what a software centre shows.
    metainfo = os.path.join(share, "metainfo", app_id + ".metainfo.xml")
    if check(os.path.exists(metainfo), "no metainfo installed"):
        result = run(["appstreamcli", "validate", "--no-net", "--explain", metainfo])
        log("appstreamcli validate --no-net --explain:\n  " + result.stdout.strip().replace("\n", "\n  "))
        check(result.returncode == 0, "appstreamcli validate failed")
        check_metainfo(ET.parse(metainfo).getroot(), root, source, app_id, version, mime_type,
                       languages)

    # The schema compiles as the Flatpak's post-install step compiles it, and it is the one the
    # program asks for: its id is the app id.
    schemas = os.path.join(share, "glib-2.0", "schemas")
    if check(os.path.exists(os.path.join(schemas, app_id + ".gschema.xml")),
             f"no schema {app_id}.gschema.xml installed"):
        result = run(["glib-compile-schemas", "--strict", schemas])
        check(result.returncode == 0, f"glib-compile-schemas --strict: {result.stdout.strip()}")
        if shutil.which("gsettings"):
            result = run(["gsettings", "--schemadir", schemas, "list-keys", app_id])
            check(result.returncode == 0 and result.stdout.split(),
                  f"gsettings cannot read schema {app_id}: {result.stdout.strip()}")

    # Translations: one catalogue per language in po/LINGUAS, each with its messages.
    for lang in languages:
        mo = os.path.join(share, "locale", lang, "LC_MESSAGES", "bulwark.mo")
        if check(os.path.exists(mo), f"no share/locale/{lang}/LC_MESSAGES/bulwark.mo"):
            with open(mo, "rb") as f:
                catalog = gettext.GNUTranslations(f)
            # The catalogue's private table: messages plus the header entry.
            count = len(catalog._catalog) - 1
            check(count > 100, f"{lang}: bulwark.mo holds {count} messages")
    stray = sorted(d for d in os.listdir(os.path.join(share, "locale")) if d not in languages)
    check(not stray, f"share/locale holds languages not in po/LINGUAS: {stray}")

    # Help: every page of help/C, the same bytes, and every media file a page refers to.
    help_src = os.path.join(source, "help", "C")
    help_dst = os.path.join(share, "help", "C", "bulwark")
    pages = sorted(p for p in os.listdir(help_src) if p.endswith(".page"))
    for page in pages:
        installed = os.path.join(help_dst, page)
        if check(os.path.exists(installed), f"help page {page} is not installed"):
            with open(installed, "rb") as a, open(os.path.join(help_src, page), "rb") as b:
                check(a.read() == b.read(), f"installed help page {page} differs from help/C")
            for media in ET.parse(installed).getroot().iter(MALLARD_NS + "media"):
                src = media.get("src")
                check(src and os.path.exists(os.path.join(help_dst, src)),
                      f"help page {page} shows {src}, which is not installed")
    check("index.page" in pages, "help/C has no index.page")

    sample = os.path.join(share, "bulwark", "samples", "reference-architecture.bulwark")
    check(os.path.exists(sample), "the sample project is not installed")
    return sample


def check_metainfo(component, root, source, app_id, version, mime_type, languages):
    check(component.get("type") == "desktop-application", "the component is not a desktop-application")
    check(component.findtext("id") == app_id, f"<id> is {component.findtext('id')}, not {app_id}")
    launchables = [(l.get("type"), l.text) for l in component.findall("launchable")]
    check(launchables == [("desktop-id", app_id + ".desktop")],
          f"<launchable> is {launchables}, not the installed {app_id}.desktop")
    for element, value in (("provides/binary", "bulwark"), ("provides/mediatype", mime_type)):
        found = [e.text for e in component.findall(element)]
        check(value in found, f"<{element}> lists {found}, not {value}")
    check(os.path.exists(os.path.join(root, "bin", "bulwark")), "<provides> binary not installed")
    domains = [t.text for t in component.findall("translation") if t.get("type") == "gettext"]
    check(domains == ["bulwark"], f"<translation type=\"gettext\"> is {domains}, not bulwark")

    urls = {u.get("type"): u.text for u in component.findall("url")}
    for kind in ("homepage", "bugtracker", "vcs-browser"):
        check((urls.get(kind) or "").startswith("https://"), f"no https <url type=\"{kind}\">")

    rating = component.find("content_rating")
    check(rating is not None and rating.get("type") == "oars-1.1",
          "no <content_rating type=\"oars-1.1\">")

    colours = {c.get("scheme_preference"): c.text for c in component.findall("branding/color")
               if c.get("type") == "primary"}
    for scheme in ("light", "dark"):
        check(COLOUR.match(colours.get(scheme) or ""),
              f"<branding> has no primary colour for the {scheme} scheme ({colours})")
    check(colours.get("light") != colours.get("dark"), "the light and dark brand colours are the same")

    releases = component.findall("releases/release")
    if check(releases, "no <releases>"):
        check(releases[0].get("version") == version,
              f"the newest release is {releases[0].get('version')}, meson builds {version}")
        for release in releases:
            check(re.match(r"^\d{4}-\d{2}-\d{2}$", release.get("date") or ""),
                  f"release {release.get('version')} has no date")
            check(release.find("description") is not None,
                  f"release {release.get('version')} has no description")

    # Screenshots: one default, each captioned, each image the PNG the checkout has at that path.
    screenshots = component.findall("screenshots/screenshot")
    check(screenshots, "no <screenshots>")
    defaults = [s for s in screenshots if s.get("type") == "default"]
    check(len(defaults) == 1, f"{len(defaults)} default screenshots, expected 1")
    for shot in screenshots:
        captions = [c for c in shot.findall("caption") if c.get("{http://www.w3.org/XML/1998/namespace}lang") is None]
        image = shot.findtext("image") or ""
        check(len(captions) == 1 and (captions[0].text or "").strip(), f"screenshot {image} has no caption")
        match = re.match(r"^https://raw\.githubusercontent\.com/[^/]+/[^/]+/[^/]+/(.+)$", image)
        if check(match, f"screenshot {image} is not a file of the repository"):
            path = os.path.join(source, match.group(1))
            if check(os.path.exists(path), f"screenshot {image}: no {match.group(1)} in the checkout"):
                with open(path, "rb") as f:
                    check(f.read(8) == b"\x89PNG\r\n\x1a\n", f"{match.group(1)} is not a PNG")

    # The merged translations reach the summary the software centre shows.
    lang_key = "{http://www.w3.org/XML/1998/namespace}lang"
    summaries = {s.get(lang_key) for s in component.findall("summary")}
    for lang in languages:
        check(lang in summaries, f"the metainfo has no {lang} summary")


def run_cli(root, source, sample, scratch, forbidden):
    env = run_environment(root, scratch)
    cwd = os.path.join(scratch, "cwd")
    os.makedirs(cwd, exist_ok=True)
    binary = os.path.join(root, "bin", "bulwark")

    result = run([binary, "--help"], env=env, cwd=cwd, timeout=60)
    check(result.returncode == 0 and "Usage:" in result.stdout,
          f"bulwark --help exited {result.returncode}: {result.stdout.strip()[:500]}")

    trace_log = os.path.join(scratch, "analyze.strace")
    result = subprocess.run(traced([binary, "analyze", "--format", "json", sample], trace_log),
                            env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, timeout=120)
    if check(result.returncode == 0,
             f"bulwark analyze on the installed sample exited {result.returncode}: {result.stderr}"):
        golden = os.path.join(source, "tests", "fixtures", "golden", "reference-architecture.report.json")
        with open(golden, encoding="utf-8") as f:
            check(json.loads(result.stdout) == json.load(f),
                  "the installed program's report on the installed sample differs from the golden one")
        log("bulwark analyze on the installed sample: the golden report")
    check_trace("bulwark analyze", trace_log, forbidden, [sample])


def run_window(root, sample, scratch, forbidden):
    env = run_environment(root, scratch)
    env.update({"GDK_BACKEND": "x11", "NO_AT_BRIDGE": "1", "GTK_A11Y": "none"})
    cwd = os.path.join(scratch, "cwd")
    os.makedirs(cwd, exist_ok=True)
    trace_log = os.path.join(scratch, "window.strace")
    out = open(os.path.join(scratch, "window.log"), "w+")
    app = subprocess.Popen(traced([os.path.join(root, "bin", "bulwark"), sample], trace_log),
                           env=env, cwd=cwd, stdout=out, stderr=subprocess.STDOUT,
                           start_new_session=True)
    try:
        found = subprocess.run(["xdotool", "search", "--sync", "--onlyvisible", "--name",
                                "reference-architecture"], stdout=subprocess.PIPE, text=True,
                               timeout=60)
        windows = found.stdout.split()
        if check(windows, "no window of the installed program mapped"):
            geometry = run(["xdotool", "getwindowgeometry", "--shell", windows[0]]).stdout
            size = dict(line.split("=", 1) for line in geometry.split() if "=" in line)
            check(int(size.get("WIDTH", 0)) > 400 and int(size.get("HEIGHT", 0)) > 300,
                  f"the window is {size.get('WIDTH')}x{size.get('HEIGHT')}")
            name = run(["xdotool", "getwindowname", windows[0]]).stdout.strip()
            log(f"window mapped: “{name}”, {size.get('WIDTH')}x{size.get('HEIGHT')}")
            time.sleep(1)  # let it draw and read what drawing needs (icons, styles)
        check(app.poll() is None, f"the program exited {app.returncode}")
    except subprocess.TimeoutExpired:
        check(False, "no window of the installed program mapped within 60 s")
    finally:
        if app.poll() is None:
            os.killpg(app.pid, signal.SIGTERM)
        try:
            app.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(app.pid, signal.SIGKILL)
            app.wait()
    out.seek(0)
    output = out.read()
    out.close()
    # Warnings would be data the program did not find; a missing session bus is the machine's.
    logged = [line for line in output.splitlines()
              if ("CRITICAL" in line or "WARNING" in line) and "session bus" not in line]
    check(not logged, "the program logged:\n" + "\n".join(logged[:20]))
    schema = os.path.join(root, "share", "glib-2.0", "schemas", "gschemas.compiled")
    check_trace("the window", trace_log, forbidden, [sample, schema])


def main():
    parser = argparse.ArgumentParser(description="Check the tree a Flatpak build installs.")
    parser.add_argument("--part", choices=["tree", "window"], required=True)
    parser.add_argument("--app-id", required=True)
    parser.add_argument("--profile", required=True)
    parser.add_argument("--work-dir", required=True, help="where the /app build is kept")
    args = parser.parse_args()
    source = os.path.realpath(os.environ["BW_SOURCE_DIR"])
    build = os.path.realpath(os.environ["BW_BUILD_DIR"])

    if args.part == "window" and (not os.environ.get("DISPLAY") or not shutil.which("xdotool")):
        print("SKIP: the window part needs a display and xdotool")
        return 77

    with tempfile.TemporaryDirectory(prefix="bulwark-install-") as scratch:
        scratch = os.path.realpath(scratch)
        check(not scratch.startswith(source + "/"), "the temporary directory is inside the checkout")
        destdir = os.path.join(scratch, "dest")
        version = build_and_install(source, os.path.realpath(args.work_dir), args.profile, destdir)
        root = os.path.join(destdir, "app")
        # The source tree first, then the build directories.
        forbidden = [source, build, os.path.realpath(args.work_dir)]
        if args.part == "tree":
            sample = check_tree(root, source, args.app_id, version, forbidden)
            run_cli(root, source, sample, scratch, forbidden)
        else:
            sample = os.path.join(root, "share", "bulwark", "samples", "reference-architecture.bulwark")
            result = run(["glib-compile-schemas", "--strict", os.path.join(root, "share", "glib-2.0", "schemas")])
            check(result.returncode == 0, f"glib-compile-schemas: {result.stdout}")
            run_window(root, sample, scratch, forbidden)

    for failure in failures:
        print("FAIL: " + failure, file=sys.stderr)
    if failures:
        return 1
    print(f"ok: the installed tree ({args.part})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
