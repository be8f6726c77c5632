#!/usr/bin/env python3
# Checks one Flatpak manifest against the project: it parses as JSON, its app id is the id the
# desktop file and metainfo resolve to, it runs `bulwark` from one meson module built from the
# checkout on a current GNOME runtime, it asks for exactly wayland, fallback-x11, ipc and dri
# (files go through the portal), and flatpak-builder accepts it when installed.
import argparse
import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

ALLOWED_FINISH_ARGS = ["--share=ipc", "--socket=fallback-x11", "--socket=wayland", "--device=dri"]
# GNOME runtimes Flathub still supports: 47 reached its end of life on 2025-10-15 and 48 on
# 2026-03-24, when users started seeing "no longer supported" for apps on them.
RUNTIME_VERSIONS = {"50"}

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
    return condition


def desktop_entry(text):
    """The keys of the [Desktop Entry] group, as written (no locale variants)."""
    entry = {}
    group = None
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            group = line[1:-1]
        elif group == "Desktop Entry" and "=" in line:
            key, value = line.split("=", 1)
            entry.setdefault(key.strip(), value.strip())
    return entry


def check_desktop(where, text, app_id):
    entry = desktop_entry(text)
    exec_line = entry.get("Exec", "")
    check(exec_line.split(" ")[0] == "bulwark",
          f"{where}: Exec runs “{exec_line}”, not the manifest's command bulwark")
    check(entry.get("Icon") == app_id, f"{where}: Icon is “{entry.get('Icon')}”, not {app_id}")


def check_metainfo(where, text, app_id):
    try:
        root = ET.fromstring(text.encode("utf-8"))
    except ET.ParseError as e:
        check(False, f"{where}: not well-formed XML: {e}")
        return
    component_id = root.findtext("id")
    check(component_id == app_id, f"{where}: <id> is “{component_id}”, not {app_id}")
    launchables = [l.text for l in root.findall("launchable") if l.get("type") == "desktop-id"]
    check(launchables == [app_id + ".desktop"],
          f"{where}: <launchable type=\"desktop-id\"> is {launchables}, not {app_id}.desktop")
    binaries = [b.text for b in root.findall("provides/binary")]
    check("bulwark" in binaries, f"{where}: <provides> names no binary bulwark ({binaries})")


def main():
    parser = argparse.ArgumentParser(description="Check a Flatpak manifest of Bulwark.")
    parser.add_argument("manifest")
    parser.add_argument("--app-id", required=True,
                        help="meson's application_id for the manifest's profile")
    parser.add_argument("--profile", required=True, choices=["default", "development"])
    parser.add_argument("--desktop-in", required=True)
    parser.add_argument("--metainfo-in", required=True)
    parser.add_argument("--build-app-id", help="the application_id of this build")
    parser.add_argument("--built-desktop", help="the desktop file this build generated")
    parser.add_argument("--built-metainfo", help="the metainfo this build generated")
    args = parser.parse_args()
    name = os.path.basename(args.manifest)

    try:
        with open(args.manifest, encoding="utf-8") as f:
            manifest = json.load(f)
    except (OSError, json.JSONDecodeError) as e:
        print(f"{name}: not a JSON manifest: {e}", file=sys.stderr)
        return 1
    if not isinstance(manifest, dict):
        print(f"{name}: the top level is not an object", file=sys.stderr)
        return 1

    # Flatpak accepts both spellings of the id key; exactly one must be there.
    ids = [manifest[k] for k in ("id", "app-id") if k in manifest]
    check(ids == [args.app_id], f"{name}: app id is {ids}, expected [{args.app_id}]")
    check(manifest.get("command") == "bulwark",
          f"{name}: command is “{manifest.get('command')}”, not bulwark")
    check(manifest.get("runtime") == "org.gnome.Platform",
          f"{name}: runtime is “{manifest.get('runtime')}”, not org.gnome.Platform")
    check(manifest.get("sdk") == "org.gnome.Sdk",
          f"{name}: sdk is “{manifest.get('sdk')}”, not org.gnome.Sdk")
    check(manifest.get("runtime-version") in RUNTIME_VERSIONS,
          f"{name}: runtime-version is “{manifest.get('runtime-version')}”, "
          f"not one of {sorted(RUNTIME_VERSIONS)}")
    finish_args = manifest.get("finish-args")
    check(isinstance(finish_args, list) and sorted(finish_args) == sorted(ALLOWED_FINISH_ARGS),
          f"{name}: finish-args are {finish_args}, expected exactly {ALLOWED_FINISH_ARGS}")

    # The GNOME runtime has every library Bulwark links, so the project is the only module.
    modules = manifest.get("modules")
    if check(isinstance(modules, list) and len(modules) == 1 and isinstance(modules[0], dict),
             f"{name}: expected one module, the project itself"):
        module = modules[0]
        check(module.get("name") == "bulwark", f"{name}: the module is not named bulwark")
        check(module.get("buildsystem") == "meson", f"{name}: the module is not built with meson")
        check(module.get("sources") == [{"type": "dir", "path": ".."}],
              f"{name}: the module's sources are {module.get('sources')}, "
              "not the checkout ({\"type\": \"dir\", \"path\": \"..\"})")
        opts = module.get("config-opts", [])
        profiles = [o.split("=", 1)[1] for o in opts if o.startswith("-Dprofile=")]
        built_profile = profiles[-1] if profiles else "default"
        check(built_profile == args.profile,
              f"{name}: builds profile “{built_profile}”, but its id belongs to “{args.profile}”")

    # The desktop file and metainfo carry @APP_ID@, which meson replaces with application_id:
    # resolve it the same way and check the results name this manifest's id.
    with open(args.desktop_in, encoding="utf-8") as f:
        desktop_in = f.read()
    with open(args.metainfo_in, encoding="utf-8") as f:
        metainfo_in = f.read()
    check("Icon=@APP_ID@" in desktop_in,
          f"{os.path.basename(args.desktop_in)}: the Icon key does not use @APP_ID@")
    check("<id>@APP_ID@</id>" in metainfo_in,
          f"{os.path.basename(args.metainfo_in)}: <id> does not use @APP_ID@")
    check_desktop(os.path.basename(args.desktop_in) + " (resolved)",
                  desktop_in.replace("@APP_ID@", args.app_id), args.app_id)
    check_metainfo(os.path.basename(args.metainfo_in) + " (resolved)",
                   metainfo_in.replace("@APP_ID@", args.app_id), args.app_id)

    # When this build is of the manifest's profile, what meson generated must agree as well.
    if args.build_app_id == args.app_id and args.built_desktop and args.built_metainfo:
        check(os.path.basename(args.built_desktop) == args.app_id + ".desktop",
              f"built desktop file is named {os.path.basename(args.built_desktop)}")
        with open(args.built_desktop, encoding="utf-8") as f:
            check_desktop(os.path.basename(args.built_desktop), f.read(), args.app_id)
        with open(args.built_metainfo, encoding="utf-8") as f:
            check_metainfo(os.path.basename(args.built_metainfo), f.read(), args.app_id)
        print(f"{name}: the generated desktop file and metainfo agree")
    else:
        print(f"{name}: this build is of another profile; generated files not compared")

    builder = shutil.which("flatpak-builder")
    if builder is None:
        print(f"{name}: flatpak-builder is not installed; --show-manifest skipped")
    else:
        result = subprocess.run([builder, "--show-manifest", args.manifest],
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        check(result.returncode == 0,
              f"{name}: flatpak-builder --show-manifest exited {result.returncode}: "
              f"{result.stderr.strip()}")
        # It exits 0 on unknown keys and mistyped values, only warning about them.
        check(result.returncode != 0 or "WARNING" not in result.stderr,
              f"{name}: flatpak-builder --show-manifest warns: {result.stderr.strip()}")

    for failure in failures:
        print(failure, file=sys.stderr)
    if failures:
        return 1
    print(f"{name}: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
