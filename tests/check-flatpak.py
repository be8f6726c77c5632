#!/usr/bin/env python3
# Checks a Flatpak manifest: it parses, its app id is the one the desktop file and metainfo are
# built with, it runs `bulwark`, it asks for no more than wayland, fallback-x11, ipc and dri
# (files go through the portal), and flatpak-builder accepts it when installed.
import json
import shutil
import subprocess
import sys

manifest_path, expected_id, desktop_in, metainfo_in = sys.argv[1:5]
manifest = json.load(open(manifest_path))

assert manifest["id"] == expected_id, f"id {manifest['id']} != {expected_id}"
assert manifest["command"] == "bulwark", "command must be bulwark"
assert manifest["runtime"] == "org.gnome.Platform" and manifest["sdk"] == "org.gnome.Sdk"
allowed = {"--share=ipc", "--socket=fallback-x11", "--socket=wayland", "--device=dri"}
assert set(manifest["finish-args"]) == allowed, f"finish-args {manifest['finish-args']}"
module = manifest["modules"][-1]
assert module["buildsystem"] == "meson"
profile = "-Dprofile=development" in module.get("config-opts", [])
assert profile == expected_id.endswith(".Devel"), "the Devel manifest builds the development profile"

# The desktop file and metainfo take their ids from the build's application id.
desktop = open(desktop_in).read()
metainfo = open(metainfo_in).read()
assert "Icon=@APP_ID@" in desktop and "Exec=bulwark" in desktop
assert "<id>@APP_ID@</id>" in metainfo
assert '<launchable type="desktop-id">@APP_ID@.desktop</launchable>' in metainfo

if shutil.which("flatpak-builder"):
    subprocess.run(["flatpak-builder", "--show-manifest", manifest_path], check=True,
                   stdout=subprocess.DEVNULL)
print("manifest ok:", manifest_path)
