# Checks one Flatpak manifest against the project: it parses as JSON, its app id is the id the
# desktop file and metainfo resolve to, it runs `bulwark` from one meson module on a supported
# GNOME runtime, it asks for exactly wayland, fallback-x11, ipc and dri (files go through the
# portal), it passes the rules of Flathub's linter (flatpak-builder-lint) that can be checked
# without building, and flatpak-builder accepts it when installed. The published manifest builds
# a tagged release (git, tag and commit), the local ones the checkout (dir).
# `--self-test` instead feeds the linter rules manifests that break each of them.
import argparse
import json
import os
import re
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


def lint(manifest, filename, published):
    """The rules of Flathub's linter (flatpak-builder-lint, by its rule names) that a manifest
    shows without a build, plus this project's own (named bulwark-*). Returns the rules broken."""
    errors = set()
    app_id = manifest.get("id", manifest.get("app-id"))
    if published and os.path.splitext(os.path.basename(filename))[0] != app_id:
        errors.add("appid-filename-mismatch")
    parts = app_id.split(".") if isinstance(app_id, str) else []
    if not parts:
        errors.add("appid-not-defined")
    elif len(parts) < 3:
        errors.add("appid-less-than-3-components")
    elif not all(re.match(r"^[A-Za-z_][\w\-]*$", p) for p in parts):
        errors.add("appid-component-wrong-syntax")
    else:
        if len(parts) > 5:
            errors.add("appid-too-many-components-for-app")
        if parts[-1] == "desktop":
            errors.add("appid-ends-with-lowercase-desktop")
        if parts[1].lower() in ("github", "gitlab"):
            if parts[0].lower() != "io":
                errors.add("appid-uses-code-hosting-domain")
            elif len(parts) < 4:
                errors.add("appid-code-hosting-too-few-components")

    command = manifest.get("command")
    if not command:
        errors.add("toplevel-no-command")
    elif command.startswith("/"):
        errors.add("toplevel-command-is-path")
    if manifest.get("branch"):
        errors.add("toplevel-unnecessary-branch")
    if not manifest.get("modules"):
        errors.add("toplevel-no-modules")
    for c in manifest.get("cleanup", []):
        if c == "/lib/debug" or c.startswith("/lib/debug/"):
            errors.add("toplevel-cleanup-debug")
    build_args = manifest.get("build-options", {}).get("build-args", [])
    if "--share=network" in build_args:
        errors.add("manifest-toplevel-build-network-access")

    finish_args = manifest.get("finish-args")
    if finish_args is None:
        errors.add("finish-args-not-defined")
        finish_args = []
    perms = {"socket": set(), "share": set(), "device": set(), "filesystem": set(),
             "talk-name": set(), "system-talk-name": set(), "own-name": set()}
    for arg in finish_args:
        key, _, value = arg.lstrip("-").partition("=")
        perms.setdefault(key, set()).add(value)
    sockets, shares = perms["socket"], perms["share"]
    if "x11" in sockets and "fallback-x11" in sockets:
        errors.add("finish-args-contains-both-x11-and-fallback")
    if "x11" in sockets and "wayland" in sockets:
        errors.add("finish-args-contains-both-x11-and-wayland")
    if (sockets & {"x11", "fallback-x11"}) and "ipc" not in shares:
        errors.add("finish-args-x11-without-ipc")
    if "fallback-x11" in sockets and "wayland" not in sockets:
        errors.add("finish-args-fallback-x11-without-wayland")
    if "wayland" in sockets and not sockets & {"x11", "fallback-x11"}:
        errors.add("finish-args-only-wayland")
    for socket in ("gpg-agent", "ssh-auth"):
        if socket in sockets:
            errors.add(f"finish-args-has-socket-{socket}")
    if sockets & {"session-bus", "system-bus"}:
        errors.add("finish-args-arbitrary-dbus-access")
    for fs in perms["filesystem"]:
        m = re.fullmatch(r"(home|host|host-root|host-etc|host-os|~/?)(:rw|:create|:ro)?", fs)
        if m:
            path = "home" if m.group(1) in ("~", "~/", "home") else m.group(1)
            errors.add(f"finish-args-{path}-{'ro-' if m.group(2) == ':ro' else ''}filesystem-access")
        if re.fullmatch(r"(xdg-data|xdg-config|xdg-cache)(:(create|rw|ro))?", fs):
            errors.add(f"finish-args-arbitrary-{fs.split(':')[0]}-access")
    for name in perms["talk-name"] | perms["system-talk-name"]:
        if name == "org.freedesktop.Flatpak":
            errors.add("finish-args-flatpak-spawn-access")
        elif name.startswith("org.freedesktop.portal."):
            errors.add("finish-args-portal-talk-name")
    # This project's least privilege: no network (nothing is fetched at run time), no device
    # beyond the GPU, no file system access (the file chooser portal hands files over).
    if "network" in shares:
        errors.add("bulwark-network-access")
    if perms["device"] - {"dri"}:
        errors.add("bulwark-device-access")
    if perms["filesystem"]:
        errors.add("bulwark-filesystem-access")

    def lint_module(module):
        name = module.get("name")
        if "--share=network" in module.get("build-options", {}).get("build-args", []):
            errors.add(f"module-{name}-build-network-access")
        for c in module.get("cleanup", []):
            if c == "/lib/debug" or c.startswith("/lib/debug/"):
                errors.add(f"module-{name}-cleanup-debug")
        git_dests = {}
        for source in module.get("sources", []):
            if not isinstance(source, dict):
                continue
            kind = source.get("type")
            if kind in ("archive", "file"):
                for digest in ("sha1", "md5"):
                    if source.get(digest):
                        errors.add(f"module-{name}-source-{digest}-deprecated")
            if kind == "dir" and published:
                errors.add(f"module-{name}-source-dir-not-allowed")
            if kind == "git":
                url = source.get("url")
                git_dests.setdefault(source.get("dest", "."), []).append(url)
                if not url:
                    errors.add(f"module-{name}-source-git-no-url")
                    continue
                if not url.startswith(("http://", "https://")):
                    errors.add(f"module-{name}-source-git-url-not-http")
                commit, branch, tag = source.get("commit"), source.get("branch"), source.get("tag")
                if not any([commit, branch, tag]):
                    errors.add(f"module-{name}-source-git-no-tag-commit-branch")
                elif tag and not commit:
                    errors.add(f"module-{name}-source-git-no-commit-with-tag")
                elif branch and not re.match(r"[a-f0-9]{4,40}", branch):
                    errors.add(f"module-{name}-source-git-branch")
        if any(len(urls) > 1 for urls in git_dests.values()):
            errors.add(f"module-{name}-multiple-git-sources-stacked")
        for nested in module.get("modules", []):
            if isinstance(nested, dict):
                lint_module(nested)

    for module in manifest.get("modules") or []:
        if isinstance(module, dict):
            lint_module(module)
    return errors


def self_test():
    """Each rule breaks on a manifest made to break it, and only then."""
    good = {"id": "io.github.bulwark.Bulwark", "command": "bulwark",
            "finish-args": list(ALLOWED_FINISH_ARGS),
            "modules": [{"name": "bulwark", "sources": [
                {"type": "git", "url": "https://example.org/b.git", "tag": "v1", "commit": "0" * 40}]}]}
    cases = [
        ("flatpak/io.github.bulwark.Other.json", {}, "appid-filename-mismatch"),
        (None, {"id": "bulwark.Bulwark"}, "appid-less-than-3-components"),
        (None, {"id": "com.github.bulwark.Bulwark"}, "appid-uses-code-hosting-domain"),
        (None, {"id": "io.github.Bulwark"}, "appid-code-hosting-too-few-components"),
        (None, {"id": "io.github.bulwark.Bulwark.desktop"}, "appid-ends-with-lowercase-desktop"),
        (None, {"command": None}, "toplevel-no-command"),
        (None, {"command": "/app/bin/bulwark"}, "toplevel-command-is-path"),
        (None, {"branch": "stable"}, "toplevel-unnecessary-branch"),
        (None, {"cleanup": ["/lib/debug"]}, "toplevel-cleanup-debug"),
        (None, {"finish-args": None}, "finish-args-not-defined"),
        (None, {"finish-args": ["--share=ipc", "--socket=x11", "--socket=wayland"]},
         "finish-args-contains-both-x11-and-wayland"),
        (None, {"finish-args": ["--socket=fallback-x11", "--socket=wayland"]},
         "finish-args-x11-without-ipc"),
        (None, {"finish-args": ["--share=ipc", "--socket=fallback-x11"]},
         "finish-args-fallback-x11-without-wayland"),
        (None, {"finish-args": ["--socket=wayland"]}, "finish-args-only-wayland"),
        (None, {"finish-args": ALLOWED_FINISH_ARGS + ["--filesystem=host"]},
         {"finish-args-host-filesystem-access", "bulwark-filesystem-access"}),
        (None, {"finish-args": ALLOWED_FINISH_ARGS + ["--filesystem=home:ro"]},
         {"finish-args-home-ro-filesystem-access", "bulwark-filesystem-access"}),
        (None, {"finish-args": ALLOWED_FINISH_ARGS + ["--filesystem=xdg-config"]},
         {"finish-args-arbitrary-xdg-config-access", "bulwark-filesystem-access"}),
        (None, {"finish-args": ALLOWED_FINISH_ARGS + ["--socket=session-bus"]},
         "finish-args-arbitrary-dbus-access"),
        (None, {"finish-args": ALLOWED_FINISH_ARGS + ["--talk-name=org.freedesktop.Flatpak"]},
         "finish-args-flatpak-spawn-access"),
        (None, {"finish-args": ALLOWED_FINISH_ARGS + ["--share=network"]}, "bulwark-network-access"),
        (None, {"finish-args": ALLOWED_FINISH_ARGS + ["--device=all"]}, "bulwark-device-access"),
        (None, {"finish-args": ALLOWED_FINISH_ARGS + ["--filesystem=xdg-documents"]},
         "bulwark-filesystem-access"),
        (None, {"modules": []}, "toplevel-no-modules"),
        (None, {"modules": [{"name": "bulwark", "sources": [{"type": "dir", "path": ".."}]}]},
         "module-bulwark-source-dir-not-allowed"),
        (None, {"modules": [{"name": "bulwark", "sources": [{"type": "git", "url": "https://e/b", "tag": "v1"}]}]},
         "module-bulwark-source-git-no-commit-with-tag"),
        (None, {"modules": [{"name": "bulwark", "sources": [{"type": "git", "url": "https://e/b", "branch": "main"}]}]},
         "module-bulwark-source-git-branch"),
        (None, {"modules": [{"name": "bulwark", "sources": [{"type": "git", "url": "git@e:b", "commit": "0" * 40}]}]},
         "module-bulwark-source-git-url-not-http"),
        (None, {"modules": [{"name": "bulwark", "sources": [{"type": "git", "url": "https://e/b"}]}]},
         "module-bulwark-source-git-no-tag-commit-branch"),
        (None, {"modules": [{"name": "bulwark", "build-options": {"build-args": ["--share=network"]}}]},
         "module-bulwark-build-network-access"),
    ]
    filename = "flatpak/io.github.bulwark.Bulwark.json"
    found = lint(good, filename, True)
    check(not found, f"the good manifest breaks {sorted(found)}")
    for case_file, change, rules in cases:
        manifest = dict(good, **change)
        manifest = {k: v for k, v in manifest.items() if v is not None}
        # A changed id comes in a file of its name, so only the id rule itself can break.
        case_file = case_file or f"flatpak/{manifest['id']}.json"
        rules = {rules} if isinstance(rules, str) else rules
        found = lint(manifest, case_file, True)
        check(found == rules, f"{change}: broke {sorted(found)}, expected exactly {sorted(rules)}")
    # A local manifest may build the checkout.
    local = dict(good, modules=[{"name": "bulwark", "sources": [{"type": "dir", "path": ".."}]}])
    check(not lint(local, "flatpak/io.github.bulwark.Bulwark.local.json", False),
          "a local manifest building the checkout breaks a rule")
    for failure in failures:
        print(failure, file=sys.stderr)
    print(f"{len(cases)} broken manifests, each caught by its rule" if not failures else "")
    return 1 if failures else 0


def check_release(name, source, metainfo_in, srcdir):
    """The published manifest builds a release: a git tag v<version> at a commit whose
    meson.build declares that version, and a release the metainfo lists."""
    tag, commit = source.get("tag", ""), source.get("commit", "")
    check(source.get("url", "").startswith("https://"), f"{name}: the git url is not https")
    if not check(re.fullmatch(r"v\d+\.\d+\.\d+", tag), f"{name}: tag “{tag}” is not v<version>"):
        return
    check(re.fullmatch(r"[0-9a-f]{40}", commit), f"{name}: commit “{commit}” is not a full hash")
    version = tag[1:]
    releases = re.findall(r'<release version="([^"]+)"', metainfo_in)
    check(version in releases, f"{name}: the metainfo lists no release {version} ({releases})")
    git = shutil.which("git")
    if git is None or not os.path.exists(os.path.join(srcdir, ".git")):
        print(f"{name}: not a git checkout; the tagged commit was not looked up")
        return
    def git_out(*argv):
        r = subprocess.run([git, "-C", srcdir] + list(argv), stdout=subprocess.PIPE,
                           stderr=subprocess.DEVNULL, text=True)
        return r.stdout if r.returncode == 0 else None
    if git_out("cat-file", "-e", commit + "^{commit}") is None:
        shallow = (git_out("rev-parse", "--is-shallow-repository") or "").strip() == "true"
        check(shallow, f"{name}: commit {commit} is not in this repository's history")
        if shallow:
            print(f"{name}: shallow clone; commit {commit} not looked up")
        return
    meson_build = git_out("show", commit + ":meson.build") or ""
    declared = re.search(r"version:\s*'([^']+)'", meson_build)
    check(declared and declared.group(1) == version,
          f"{name}: meson.build at {commit[:12]} declares version "
          f"{declared.group(1) if declared else None}, the tag says {version}")
    tagged = git_out("rev-parse", "-q", "--verify", f"refs/tags/{tag}^{{commit}}")
    if tagged is None:
        print(f"{name}: tag {tag} does not exist yet; it must be created at {commit[:12]}")
    else:
        check(tagged.strip() == commit, f"{name}: tag {tag} is at {tagged.strip()}, not {commit}")


def main():
    parser = argparse.ArgumentParser(description="Check a Flatpak manifest of Bulwark.")
    parser.add_argument("manifest", nargs="?")
    parser.add_argument("--self-test", action="store_true",
                        help="check that each linter rule catches a manifest that breaks it")
    parser.add_argument("--app-id", help="meson's application_id for the manifest's profile")
    parser.add_argument("--profile", choices=["default", "development"])
    parser.add_argument("--source", choices=["checkout", "release"],
                        help="builds the checkout (dir) or a tagged release (git)")
    parser.add_argument("--published", action="store_true",
                        help="the manifest submitted to Flathub: its file name is its id")
    parser.add_argument("--desktop-in")
    parser.add_argument("--metainfo-in")
    parser.add_argument("--build-app-id", help="the application_id of this build")
    parser.add_argument("--built-desktop", help="the desktop file this build generated")
    parser.add_argument("--built-metainfo", help="the metainfo this build generated")
    args = parser.parse_args()
    if args.self_test:
        return self_test()
    for required in ("manifest", "app_id", "profile", "source", "desktop_in", "metainfo_in"):
        if getattr(args, required) is None:
            parser.error(f"{required} is required")
    name = os.path.basename(args.manifest)
    with open(args.metainfo_in, encoding="utf-8") as f:
        metainfo_in = f.read()

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
        sources = module.get("sources")
        if args.source == "checkout":
            check(sources == [{"type": "dir", "path": ".."}],
                  f"{name}: the module's sources are {sources}, "
                  "not the checkout ({\"type\": \"dir\", \"path\": \"..\"})")
        elif check(isinstance(sources, list) and len(sources) == 1
                   and isinstance(sources[0], dict) and sources[0].get("type") == "git"
                   and set(sources[0]) == {"type", "url", "tag", "commit"},
                   f"{name}: the module's sources are {sources}, not one git source with "
                   "url, tag and commit"):
            check_release(name, sources[0], metainfo_in,
                          os.path.dirname(os.path.dirname(os.path.abspath(args.manifest))))
        opts = module.get("config-opts", [])
        profiles = [o.split("=", 1)[1] for o in opts if o.startswith("-Dprofile=")]
        built_profile = profiles[-1] if profiles else "default"
        check(built_profile == args.profile,
              f"{name}: builds profile “{built_profile}”, but its id belongs to “{args.profile}”")

    # The desktop file and metainfo carry @APP_ID@, which meson replaces with application_id:
    # resolve it the same way and check the results name this manifest's id.
    with open(args.desktop_in, encoding="utf-8") as f:
        desktop_in = f.read()
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

    broken = lint(manifest, args.manifest, args.published)
    check(not broken, f"{name}: breaks the linter rules {sorted(broken)}")

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
